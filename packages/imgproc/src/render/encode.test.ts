import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { EXAMPLE_GIF, EXAMPLE_JPG, fixture, pixelAt } from "../../test/helpers.ts";
import { isRenderError, render } from "./index.ts";
import { estimateJpegQuality } from "./jpeg-quality.ts";
import { DEFAULT_QUALITY } from "./plan.ts";

// [style, format, content type, what sharp reads back]
const FORMATS: Array<[string, string, string, string]> = [
  ["jpg", "jpg", "image/jpeg", "jpeg"],
  ["png", "png", "image/png", "png"],
  ["webp", "webp", "image/webp", "webp"],
  ["tiff", "tiff", "image/tiff", "tiff"],
  ["avif", "avif", "image/avif", "heif"],
  ["heic", "heic", "image/heic", "heif"],
];

describe("format", () => {
  it.each(FORMATS)("format,%s → %s (%s)", async (value, format, contentType, readBack) => {
    const result = await render(fixture(EXAMPLE_JPG), `image/resize,w_80/format,${value}`);
    expect(result.info).toMatchObject({ format, width: 80, height: 53 });
    expect(result.contentType).toBe(contentType);
    expect((await sharp(result.data).metadata()).format).toBe(readBack);
  });

  it("heic is AV1 inside HEIF, and the preview says so", async () => {
    const { warnings } = await render(fixture(EXAMPLE_JPG), "image/resize,w_80/format,heic");
    expect(warnings.join()).toMatch(/AV1/);
  });

  it("bmp: a 24-bit BMP with the right pixels (bottom-up rows)", async () => {
    const { data, info, contentType } = await render(fixture(EXAMPLE_JPG), "image/crop,w_4,h_2/format,bmp");
    expect(info).toMatchObject({ format: "bmp", width: 4, height: 2 });
    expect(contentType).toBe("image/bmp");
    expect(data.toString("ascii", 0, 2)).toBe("BM");
    expect([data.readInt32LE(18), data.readInt32LE(22), data.readUInt16LE(28)]).toEqual([4, 2, 24]);
    const [r, g, b] = await pixelAt(
      await render(fixture(EXAMPLE_JPG), "image/crop,w_4,h_2/format,png").then((x) => x.data),
      0,
      0,
    );
    // Top-left pixel lives in the LAST stored row; BMP stores B, G, R.
    const at = data.readUInt32LE(10) + 12; // second (top) row: stride 12
    expect(
      Math.abs((data[at + 2] ?? 0) - r) + Math.abs((data[at + 1] ?? 0) - g) + Math.abs((data[at] ?? 0) - b),
    ).toBeLessThan(12);
  });

  it("bmp keeps transparency as 32-bit after circle", async () => {
    const { data } = await render(fixture(EXAMPLE_JPG), "image/circle,r_20/format,bmp");
    expect(data.readUInt16LE(28)).toBe(32);
  });

  it("format,gif keeps a non-GIF source's format, and keeps a GIF animated", async () => {
    expect((await render(fixture(EXAMPLE_JPG), "image/format,gif")).info.format).toBe("jpg");
    expect((await render(fixture(EXAMPLE_GIF), "image/format,gif")).info).toMatchObject({
      format: "gif",
      frames: 3,
    });
  });

  it("a GIF converted to PNG keeps only its first frame", async () => {
    expect((await render(fixture(EXAMPLE_GIF), "image/format,png")).info).toMatchObject({
      format: "png",
      frames: 1,
    });
  });

  it("animated WebP output keeps GIF frames", async () => {
    const { data, info } = await render(fixture(EXAMPLE_GIF), "image/resize,w_100/format,webp");
    expect(info).toMatchObject({ format: "webp", frames: 3 });
    expect((await sharp(data).metadata()).pages).toBe(3);
  });

  it("JPEG output fills transparency with white", async () => {
    const { data } = await render(fixture("images/5_webp_a.webp"), "image/format,jpg");
    const [r, g, b] = await pixelAt(data, 0, 0);
    expect(Math.min(r, g, b)).toBeGreaterThan(240);
  });

  it("PNG output keeps the source's transparency", async () => {
    const { data } = await render(fixture("images/5_webp_a.webp"), "image/format,png");
    expect((await pixelAt(data, 0, 0))[3]).toBe(0);
  });

  it("refuses WebP past 16383 px", async () => {
    try {
      await render(fixture(EXAMPLE_JPG), "image/resize,m_fixed,w_16384,h_10,limit_0/format,webp");
      expect.unreachable();
    } catch (error) {
      expect(isRenderError(error) && error.message).toMatch(/16383 pixels for converting webp/);
    }
  });

  it("converts a CMYK JPEG to sRGB", async () => {
    const { data, info } = await render(
      fixture("images/Channel_digital_image_CMYK_color.jpg"),
      "image/resize,w_100/format,png",
    );
    expect(info).toMatchObject({ width: 100, format: "png" });
    expect((await sharp(data).metadata()).space).toBe("srgb");
  });
});

describe("quality and interlace", () => {
  const example = fixture(EXAMPLE_JPG);
  const source = estimateJpegQuality(example) ?? 0;

  it("the demo image is estimated at quality 82", () => {
    expect(source).toBe(82);
  });

  it.each([
    ["image/resize,w_100", DEFAULT_QUALITY],
    ["image/resize,w_100/quality,q_80", Math.round(source * 0.8)],
    ["image/resize,w_100/quality,Q_50", 50],
    ["image/resize,w_100/quality,Q_95", source],
    ["image/resize,w_100/quality,q_50,Q_70", 70],
  ])("%s → JPEG quality %i", async (style, expected) => {
    const { data } = await render(example, style);
    expect(estimateJpegQuality(data)).toBe(expected);
  });

  it("quality applies to WebP output (q acts as Q for a non-JPEG source)", async () => {
    const low = await render(fixture("images/5_webp_a.webp"), "image/quality,q_10");
    const high = await render(fixture("images/5_webp_a.webp"), "image/quality,q_90");
    expect(low.info.bytes).toBeLessThan(high.info.bytes);
  });

  it("interlace,1 makes a progressive JPEG; 0 a baseline one", async () => {
    const progressive = await render(example, "image/resize,w_100/interlace,1");
    const baseline = await render(example, "image/resize,w_100/interlace,0");
    expect((await sharp(progressive.data).metadata()).isProgressive).toBe(true);
    expect((await sharp(baseline.data).metadata()).isProgressive).toBe(false);
  });
});
