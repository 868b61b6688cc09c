import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { isRenderError } from "./error.ts";
import { decodeAll, describeImage, similarity, thumbnailWebp } from "./inspect.ts";

const solid = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } });

describe("decodeAll", () => {
  it("accepts a whole JPEG and refuses the same file cut in half with a RenderError", async () => {
    const jpeg = await solid(300, 200, "#3080c0").jpeg().toBuffer();
    await expect(decodeAll(jpeg)).resolves.toBeUndefined();
    const error = await decodeAll(jpeg.subarray(0, jpeg.length / 2)).catch((e: unknown) => e);
    expect(isRenderError(error)).toBe(true);
    expect(error).toMatchObject({ status: 400 });
  });
});

describe("thumbnailWebp", () => {
  it("fits the box as WebP, keeping the aspect ratio and never enlarging", async () => {
    const wide = await thumbnailWebp(await solid(400, 200, "#c03030").png().toBuffer(), 128);
    expect(await describeImage(wide)).toEqual({ format: "webp", width: 128, height: 64, frames: 1 });
    const small = await thumbnailWebp(await solid(50, 40, "#30c030").png().toBuffer(), 128);
    expect(await describeImage(small)).toMatchObject({ format: "webp", width: 50, height: 40 });
  });

  it("refuses bytes that are no image with a RenderError", async () => {
    const error = await thumbnailWebp(Buffer.from("not an image"), 128).catch((e: unknown) => e);
    expect(isRenderError(error)).toBe(true);
  });
});

describe("describeImage", () => {
  it("names the format as the renderer does and counts frames", async () => {
    const webp = await solid(40, 30, "#fff").webp().toBuffer();
    expect(await describeImage(webp)).toEqual({ format: "webp", width: 40, height: 30, frames: 1 });
    const jpeg = await solid(10, 20, "#000").jpeg().toBuffer();
    expect(await describeImage(jpeg)).toMatchObject({ format: "jpg", width: 10, height: 20 });
  });

  it("describes a backend's slightly damaged answer (a GIF cut short) instead of giving up", async () => {
    const gif = await solid(300, 200, "#3080c0").gif().toBuffer();
    const cut = gif.subarray(0, Math.floor(gif.length * 0.9));
    expect(await describeImage(cut)).toEqual({ format: "gif", width: 300, height: 200, frames: 1 });
  });

  it("is undefined for bytes libvips cannot read", async () => {
    expect(await describeImage(Buffer.from("not an image"))).toBeUndefined();
  });
});

describe("similarity", () => {
  it("is 1 for the same image and low for opposite colours", async () => {
    const red = await solid(80, 80, "#ff0000").png().toBuffer();
    const cyan = await solid(80, 80, "#00ffff").png().toBuffer();
    expect(await similarity(red, red)).toBe(1);
    expect(await similarity(red, cyan)).toBeLessThan(0.5);
  });
});
