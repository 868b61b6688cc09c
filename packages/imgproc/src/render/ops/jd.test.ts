import { describe, expect, it } from "vitest";
import { EXAMPLE_GIF, EXAMPLE_JPG, fixture, pixelAt, solid } from "../../../test/helpers.ts";
import { render } from "../index.ts";
import { cgifFrames } from "./jd.ts";

const jd = (query: string) => `?x-oss-process=img/${query}`;

describe("JD Cloud actions", () => {
  it.each([
    ["s/200/300", 200, 134],
    ["so/200/200", 300, 200],
    ["sw/100", 100, 67],
    ["sh/100", 150, 100],
    ["sf/120/40", 120, 40],
    ["sp/500", 200, 134],
    ["sa/10000", 122, 82],
    ["sb/200/200", 200, 200],
    ["shb/200/120", 200, 120],
    ["swb/200/200", 200, 200],
    ["cc/1/1", 267, 267],
    ["cr/100/50/10/10", 100, 50],
    ["r/90", 267, 400],
  ])("%s → %ix%i", async (query, width, height) => {
    const { info } = await render(fixture(EXAMPLE_JPG), jd(query));
    expect(info).toMatchObject({ width, height });
  });

  it("sb pads with the given colour", async () => {
    const { data } = await render(fixture(EXAMPLE_JPG), jd("sb/200/200/_FF0000"));
    const [r, g, b] = await pixelAt(data, 100, 2);
    expect(r).toBeGreaterThan(200);
    expect(g + b).toBeLessThan(60);
  });

  it("fmt, p, q and qf", async () => {
    expect((await render(fixture(EXAMPLE_JPG), jd("fmt/png"))).info.format).toBe("png");
    const { estimateJpegQuality } = await import("../jpeg-quality.ts");
    expect(estimateJpegQuality((await render(fixture(EXAMPLE_JPG), jd("q/50"))).data)).toBe(50);
    expect(estimateJpegQuality((await render(fixture(EXAMPLE_JPG), jd("qf/95"))).data)).toBe(95);
    expect(estimateJpegQuality((await render(fixture(EXAMPLE_JPG), jd("q/95"))).data)).toBe(82);
  });

  it("p makes a progressive JPEG", async () => {
    const sharp = (await import("sharp")).default;
    const { data } = await render(fixture(EXAMPLE_JPG), jd("s/100/100/p"));
    expect((await sharp(data).metadata()).isProgressive).toBe(true);
  });

  it("wmt's colour, size, offsets and rotation change the mark", async () => {
    const black = await solid(300, 200, "#000000");
    const sharp = (await import("sharp")).default;
    const lit = async (image: Buffer) => {
      const { data } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
      return data.reduce((n, v) => (v > 100 ? n + 1 : n), 0);
    };
    const base = { op: "jd-wmt" as const, text: "京东云" };
    const draw = async (extra: object) =>
      (await render(black, { kind: "img", operations: [{ ...base, ...extra }] })).data;
    const small = await lit(await draw({ size: 10 }));
    expect(await lit(await draw({ size: 100 }))).toBeGreaterThan(small * 3);
    const red = await draw({ color: "FF0000", size: 200 });
    const { data: rgb } = await sharp(red).raw().toBuffer({ resolveWithObject: true });
    let redPixels = 0;
    for (let i = 0; i < rgb.length; i += 3) if ((rgb[i] ?? 0) > 150 && (rgb[i + 1] ?? 0) < 80) redPixels++;
    expect(redPixels).toBeGreaterThan(100);
    // dx/dy shift a top-left mark inward; a 90° turn makes it taller than wide.
    const shifted = await draw({ position: 1, dx: 150, dy: 100, size: 50 });
    const region = async (image: Buffer, left: number, top: number, width: number, height: number) =>
      lit(await sharp(image).extract({ left, top, width, height }).png().toBuffer());
    expect(await region(shifted, 0, 0, 150, 100)).toBe(0);
    const turned = await draw({ position: 1, rotate: 90, size: 50 });
    const total = await lit(turned);
    expect(await region(turned, 0, 0, 60, 200)).toBe(total);
  });

  it("o returns the original bytes untouched", async () => {
    const input = fixture(EXAMPLE_JPG);
    const { data, info } = await render(input, jd("o"));
    expect(data.equals(input)).toBe(true);
    expect(info).toMatchObject({ width: 400, height: 267, format: "jpg" });
  });

  it("cgif keeps evenly spaced frames", async () => {
    expect(cgifFrames(4, 2)).toEqual([0, 2]);
    expect(cgifFrames(40, 1)).toHaveLength(30);
    expect(cgifFrames(3, 5)).toEqual([0, 1, 2]);
    expect((await render(fixture("images/rotating-squares.gif"), jd("cgif/5"))).info).toMatchObject({
      format: "gif",
      frames: 5,
    });
    expect((await render(fixture(EXAMPLE_GIF), jd("cgif/2"))).info.frames).toBe(2);
  });

  it("wmt draws white text at the chosen cell; wmi draws the resolved object with opacity", async () => {
    const black = await solid(300, 200, "#000000");
    const text = await render(black, {
      kind: "img",
      operations: [{ op: "jd-wmt", text: "京东云", position: 9 }],
    });
    const { data } = text;
    const sharp = (await import("sharp")).default;
    // stats() reads a pipeline's input, so cut the region out to a buffer first.
    const bright = async (left: number, top: number) => {
      const region = await sharp(data)
        .extract({ left, top, width: 100, height: 66 })
        .greyscale()
        .png()
        .toBuffer();
      return (await sharp(region).stats()).channels[0]?.max ?? 0;
    };
    expect(await bright(200, 134)).toBeGreaterThan(200);
    expect(await bright(0, 0)).toBeLessThan(30);
    const keys: string[] = [];
    const resolveImage = async (key: string) => {
      keys.push(key);
      return solid(50, 50, "#ff0000");
    };
    const image = await render(
      black,
      { kind: "img", operations: [{ op: "jd-wmi", key: "downloads:logo.png", position: 1, opacity: 100 }] },
      { resolveImage },
    );
    expect(keys).toEqual(["downloads:logo.png"]);
    expect((await pixelAt(image.data, 5, 5)).slice(0, 3)).toEqual([255, 0, 0]);
  });

  it("refuses two keywords in one query", async () => {
    await expect(render(fixture(EXAMPLE_JPG), "?imgalias/style&img/s/100/200")).rejects.toMatchObject({
      status: 400,
    });
  });
});
