import { describe, expect, it } from "vitest";
import { EXAMPLE_JPG, fixture, meanAbsDiff, pixelAt, solid } from "../../../test/helpers.ts";
import { isRenderError, render } from "../index.ts";
import { circleRadius } from "./shape.ts";

describe("circle", () => {
  it("clamps r to (shorter side − 1) / 2", () => {
    expect(circleRadius(400, 267, 100)).toBe(100);
    expect(circleRadius(400, 267, 4096)).toBe(133);
  });

  it("JPEG: a (2r+1) square, white outside the circle", async () => {
    const { data, info } = await render(fixture(EXAMPLE_JPG), "image/circle,r_100");
    expect(info).toMatchObject({ format: "jpg", width: 201, height: 201 });
    const [r, g, b] = await pixelAt(data, 2, 2);
    expect(Math.min(r, g, b)).toBeGreaterThan(240);
  });

  it("PNG: transparent outside, opaque at the centre", async () => {
    const { data, info } = await render(fixture(EXAMPLE_JPG), "image/circle,r_100/format,png");
    expect(info).toMatchObject({ format: "png", width: 201, height: 201 });
    expect((await pixelAt(data, 2, 2))[3]).toBe(0);
    expect((await pixelAt(data, 100, 100))[3]).toBe(255);
  });

  it("PNG with alpha keeps its own transparency inside the circle", async () => {
    const { data, info } = await render(
      fixture("images/Flag_of_the_Netherlands-alpha.png"),
      "image/circle,r_50",
    );
    expect(info).toMatchObject({ format: "png", width: 101, height: 101 });
    expect((await pixelAt(data, 0, 0))[3]).toBe(0);
  });
});

describe("rounded-corners", () => {
  it("keeps the size; JPEG corners white", async () => {
    const { data, info } = await render(fixture(EXAMPLE_JPG), "image/rounded-corners,r_30");
    expect(info).toMatchObject({ format: "jpg", width: 400, height: 267 });
    const [r, g, b] = await pixelAt(data, 1, 1);
    expect(Math.min(r, g, b)).toBeGreaterThan(240);
  });

  it("PNG corners transparent after a crop", async () => {
    const { data, info } = await render(
      fixture(EXAMPLE_JPG),
      "image/crop,w_100,h_100/rounded-corners,r_10/format,png",
    );
    expect(info).toMatchObject({ format: "png", width: 100, height: 100 });
    expect((await pixelAt(data, 0, 0))[3]).toBe(0);
    expect((await pixelAt(data, 50, 50))[3]).toBe(255);
  });
});

describe("rotate", () => {
  it("right angles swap the sides", async () => {
    expect((await render(fixture(EXAMPLE_JPG), "image/rotate,90")).info).toMatchObject({
      width: 267,
      height: 400,
    });
    expect((await render(fixture(EXAMPLE_JPG), "image/rotate,180")).info).toMatchObject({
      width: 400,
      height: 267,
    });
    expect((await render(fixture(EXAMPLE_JPG), "image/rotate,360")).info).toMatchObject({
      width: 400,
      height: 267,
    });
  });

  it("other angles grow to the bounding box: white corners for JPEG, transparent for PNG", async () => {
    const jpg = await render(fixture(EXAMPLE_JPG), "image/rotate,70");
    expect(Math.abs(jpg.info.width - 388)).toBeLessThanOrEqual(2);
    expect(Math.abs(jpg.info.height - 467)).toBeLessThanOrEqual(2);
    expect(Math.min(...(await pixelAt(jpg.data, 1, 1)).slice(0, 3))).toBeGreaterThan(240);
    const png = await render(fixture(EXAMPLE_JPG), "image/rotate,45/format,png");
    expect((await pixelAt(png.data, 1, 1))[3]).toBe(0);
  });

  it("BMP output gets white corners", async () => {
    const { data, info } = await render(fixture(EXAMPLE_JPG), "image/resize,w_100/rotate,30/format,bmp");
    expect(info.format).toBe("bmp");
    // 24-bit BMP: no alpha channel at all.
    expect(data.readUInt16LE(28)).toBe(24);
  });

  it("makes an animated GIF static", async () => {
    const { info } = await render(fixture("images/rotating-squares.gif"), "image/rotate,90");
    expect(info).toMatchObject({ format: "gif", frames: 1, width: 80, height: 80 });
  });

  it("refuses a source past 4096 px", async () => {
    const wide = await solid(4200, 10, "#808080");
    try {
      await render(wide, "image/rotate,90");
      expect.unreachable();
    } catch (error) {
      expect(isRenderError(error) && error.message).toBe(
        "Picture exceed the maximum allowable rotation range",
      );
    }
  });
});

describe("auto-orient", () => {
  it("turns the image upright before a resize written earlier", async () => {
    const f = fixture("oss-demo-images/image-demo_f.jpg");
    expect((await render(f, "image/resize,w_100/auto-orient,1")).info).toMatchObject({
      width: 100,
      height: 127,
    });
    expect((await render(f, "image/resize,w_100")).info).toMatchObject({ width: 100, height: 127 });
    expect((await render(f, "image/resize,w_100/auto-orient,0")).info).toMatchObject({
      width: 100,
      height: 79,
    });
  });

  it("orientations 6 and 8 both become the same upright landscape", async () => {
    const six = await render(fixture("images/Landscape_6.jpg"), "image/resize,w_60/format,png");
    const eight = await render(fixture("images/Landscape_8.jpg"), "image/resize,w_60/format,png");
    const one = await render(fixture("images/Landscape_1.jpg"), "image/resize,w_60/format,png");
    expect(six.info).toMatchObject({ width: 60, height: 45 });
    expect(eight.info).toMatchObject({ width: 60, height: 45 });
    expect(await meanAbsDiff(six.data, one.data)).toBeLessThan(12);
    expect(await meanAbsDiff(eight.data, one.data)).toBeLessThan(12);
  });
});
