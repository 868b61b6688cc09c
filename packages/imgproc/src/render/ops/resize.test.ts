import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { EXAMPLE_GIF, EXAMPLE_JPG, fixture, pixelAt, solid } from "../../../test/helpers.ts";
import type { ResizeOp } from "../../syntax/ast.ts";
import { isRenderError, render } from "../index.ts";
import { resizeTarget } from "./resize.ts";

// [source W, H, op, expected W×H or "keep"] — rounding to nearest, w/h over l/s over p.
const TARGETS: Array<[number, number, Omit<ResizeOp, "op">, string]> = [
  [200, 100, { m: "lfit", w: 150, h: 80 }, "150x75"],
  [200, 100, { m: "mfit", w: 150, h: 80 }, "160x80"],
  [200, 100, { m: "fill", w: 150, h: 80 }, "150x80"],
  [200, 100, { m: "pad", w: 150, h: 80 }, "150x80"],
  [200, 100, { m: "fixed", w: 150, h: 80 }, "150x80"],
  [200, 100, { m: "fixed", h: 100 }, "100x100"],
  [200, 100, { m: "fill", w: 50 }, "50x50"],
  [200, 100, { h: 100 }, "keep"],
  [400, 300, { h: 100 }, "133x100"],
  [400, 267, { w: 100 }, "100x67"],
  [400, 267, { l: 100 }, "100x67"],
  [400, 267, { s: 100 }, "150x100"],
  [267, 400, { l: 100, s: 50 }, "50x75"],
  [400, 267, { p: 50 }, "200x134"],
  [400, 267, { w: 100, p: 10 }, "100x67"],
  [400, 267, { w: 100, l: 10 }, "100x67"],
  [400, 267, { w: 500 }, "keep"],
  [400, 267, { w: 500, limit: 1 }, "keep"],
  [400, 267, { w: 500, limit: 0 }, "500x334"],
  [400, 267, { p: 200, limit: 0 }, "800x534"],
  [400, 267, { m: "fixed", w: 800, h: 500, limit: 1 }, "keep"],
  [400, 267, { m: "pad", w: 300, h: 300 }, "300x300"],
  [400, 267, { m: "pad", w: 500, h: 500 }, "keep"],
  [400, 267, { m: "fill", w: 300, h: 300 }, "keep"],
  [400, 267, { m: "fill", w: 300, h: 200 }, "300x200"],
  [400, 267, { m: "fill", w: 300, h: 300, limit: 0 }, "300x300"],
];

describe("resizeTarget", () => {
  it.each(TARGETS)("%ix%i %j → %s", (W, H, params, expected) => {
    const target = resizeTarget(W, H, { op: "resize", ...params });
    expect(target ? `${target.width}x${target.height}` : "keep").toBe(expected);
  });

  it("never enlarges an animated GIF, even with limit_0", () => {
    expect(resizeTarget(100, 100, { op: "resize", w: 200, limit: 0 }, true)).toBeUndefined();
  });

  it.each([[{ m: "fixed", w: 5000, h: 5000, limit: 0 }], [{ w: 16385, limit: 0 }]] as const)(
    "refuses an output past the OSS caps: %j",
    (params) => {
      try {
        resizeTarget(400, 267, { op: "resize", ...params });
        expect.unreachable();
      } catch (error) {
        expect(isRenderError(error) && error.ossCode).toBe("0040-00000007");
      }
    },
  );
});

describe("resize through render", () => {
  it("m_pad fills the bars with `color`", async () => {
    const { data, info } = await render(fixture(EXAMPLE_JPG), "image/resize,m_pad,w_100,h_100,color_FF0000");
    expect(info).toMatchObject({ width: 100, height: 100, format: "jpg" });
    const [r, g, b] = await pixelAt(data, 50, 2);
    expect(r).toBeGreaterThan(200);
    expect(g + b).toBeLessThan(60);
  });

  it("m_pad defaults to white bars", async () => {
    const { data } = await render(fixture(EXAMPLE_JPG), "image/resize,m_pad,w_100,h_100");
    const [r, g, b] = await pixelAt(data, 50, 2);
    expect(Math.min(r, g, b)).toBeGreaterThan(240);
  });

  it("m_fill covers the box and crops the overflow", async () => {
    const { info } = await render(fixture(EXAMPLE_JPG), "image/resize,m_fill,w_100,h_100");
    expect(info).toMatchObject({ width: 100, height: 100 });
  });

  it("m_mfit and m_fixed", async () => {
    expect((await render(fixture(EXAMPLE_JPG), "image/resize,m_mfit,w_100,h_100")).info).toMatchObject({
      width: 150,
      height: 100,
    });
    expect((await render(fixture(EXAMPLE_JPG), "image/resize,m_fixed,w_120,h_30")).info).toMatchObject({
      width: 120,
      height: 30,
    });
  });

  it("runs chained resizes on the materialised result (150x75, not from the original aspect)", async () => {
    const png = await solid(400, 267, "#336699");
    const { info } = await render(png, "image/resize,w_200,h_100,m_fixed/resize,w_150,h_100,m_lfit");
    expect(info).toMatchObject({ width: 150, height: 75 });
  });

  it("keeps every GIF frame when shrinking by w, and makes it static with p", async () => {
    const gif = fixture(EXAMPLE_GIF);
    const animated = await render(gif, "image/resize,w_100");
    expect(animated.info).toMatchObject({ format: "gif", width: 100, height: 60, frames: 3 });
    // Frame timing and looping survive.
    const [before, after] = await Promise.all([sharp(gif).metadata(), sharp(animated.data).metadata()]);
    expect([after.delay, after.loop]).toEqual([before.delay, before.loop]);
    const still = await render(gif, "image/resize,p_50");
    expect(still.info).toMatchObject({ format: "gif", width: 250, height: 150, frames: 1 });
    expect(still.warnings.join()).toMatch(/still image/);
  });

  it("keeps every frame through m_pad, m_fill and crop", async () => {
    const gif = fixture("images/animated-loop-3.gif");
    expect((await render(gif, "image/resize,m_pad,w_100,h_100")).info).toMatchObject({
      width: 100,
      height: 100,
      frames: 10,
    });
    expect((await render(gif, "image/resize,m_fill,w_100,h_50")).info).toMatchObject({
      width: 100,
      height: 50,
      frames: 10,
    });
    expect((await render(gif, "image/crop,w_100,h_80,g_center")).info).toMatchObject({
      width: 100,
      height: 80,
      frames: 10,
    });
  });

  it("keeps a GIF at its size when asked to enlarge it", async () => {
    const { info } = await render(fixture(EXAMPLE_GIF), "image/resize,w_1000,limit_0");
    expect(info).toMatchObject({ width: 500, height: 300, frames: 3 });
  });

  it("never enlarges a GIF that is (or becomes) a still image either", async () => {
    const single = await sharp({ create: { width: 100, height: 50, channels: 3, background: "#3366aa" } })
      .gif()
      .toBuffer();
    const one = await render(single, "image/resize,w_1000,limit_0");
    expect(one.info).toMatchObject({ format: "gif", width: 100, height: 50, frames: 1 });
    // p makes the animated GIF static; it still may not grow.
    const still = await render(fixture(EXAMPLE_GIF), "image/resize,p_200,limit_0");
    expect(still.info).toMatchObject({ format: "gif", width: 500, height: 300, frames: 1 });
    // Any other source enlarges with limit_0.
    const png = await render(await solid(100, 50, "#3366aa"), "image/resize,w_1000,limit_0");
    expect(png.info).toMatchObject({ width: 1000, height: 500 });
  });
});
