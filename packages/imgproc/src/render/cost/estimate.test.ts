import { describe, expect, it } from "vitest";
import { solidWebp, tinyFramesGif } from "../../testing/heavy-inputs.ts";
import { isRenderError } from "../error.ts";
import { estimateDecodeMemory, estimateRenderMemory } from "./estimate.ts";
import { type ImageHeader, probeHeader } from "./header.ts";

const MB = 1024 * 1024;

const header = (over: Partial<ImageHeader>): ImageHeader => ({
  format: "jpg",
  width: 4000,
  height: 3000,
  frames: 1,
  bands: 3,
  progressive: false,
  orientation: 1,
  bytes: 1_000_000,
  ...over,
});

describe("probeHeader", () => {
  it("reads the issue's 15000×15000 WebP from its header, without decoding its 225 MP", async () => {
    const started = performance.now();
    const facts = await probeHeader(solidWebp(15000, 15000));
    expect(facts).toMatchObject({ format: "webp", width: 15000, height: 15000, frames: 1, bands: 3 });
    // A decode of 225 MP takes seconds and a gigabyte; the header is read at once.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("reads the issue's 5.5 KB GIF as 240 frames of 1000×1000", async () => {
    const gif = tinyFramesGif(1000, 1000, 240);
    expect(gif.length).toBeLessThan(6000);
    expect(await probeHeader(gif)).toMatchObject({ format: "gif", width: 1000, height: 1000, frames: 240 });
  });

  it("refuses what OSS refuses, before any pixel", async () => {
    const error = await probeHeader(Buffer.from("not an image")).catch((e: unknown) => e);
    expect(isRenderError(error) && error.ossCode).toBe("0040-00000005");
  });
});

describe("estimateDecodeMemory (the upload check)", () => {
  it("counts the whole RGBA frame libwebp decodes to", async () => {
    const estimate = estimateDecodeMemory(await probeHeader(solidWebp(15000, 15000)));
    expect(estimate.bytes).toBeGreaterThan(15000 * 15000 * 4);
  });

  it("counts one canvas of an animated GIF, not every frame (GIF frames are decoded one by one)", async () => {
    const estimate = estimateDecodeMemory(await probeHeader(tinyFramesGif(1000, 1000, 240)));
    expect(estimate.bytes).toBeLessThan(64 * MB);
  });

  it("costs a baseline JPEG next to nothing and a progressive one its coefficients", () => {
    expect(estimateDecodeMemory(header({})).bytes).toBeLessThan(32 * MB);
    expect(estimateDecodeMemory(header({ progressive: true })).bytes).toBeGreaterThan(4000 * 3000 * 3 * 2);
  });
});

describe("estimateRenderMemory", () => {
  const webp = header({ format: "webp", width: 15000, height: 15000 });

  it("puts a blur of the 15000×15000 WebP far past 512 MB", () => {
    const estimate = estimateRenderMemory(webp, "image/blur,r_3,s_2");
    expect(estimate.bytes).toBeGreaterThan(1500 * MB);
  });

  it("names the step at the peak", () => {
    const chain = "image/resize,p_50/rotate,30/format,png";
    expect(estimateRenderMemory(header({}), chain).step).toBe("rotate,30");
    expect(estimateRenderMemory(header({}), "image/circle,r_100/format,webp").step).toBe("encode webp");
  });

  it("keeps an animated GIF cheap while it streams frame by frame, and counts every frame once materialised", () => {
    const gif = header({ format: "gif", width: 1000, height: 1000, frames: 240, bands: 4 });
    expect(estimateRenderMemory(gif, "image/resize,w_200").bytes).toBeLessThan(128 * MB);
    expect(estimateRenderMemory(gif, "image/bright,10").bytes).toBeLessThan(128 * MB);
    // bright then contrast: the second action starts from all 240 frames in memory.
    expect(estimateRenderMemory(gif, "image/bright,10/contrast,10").bytes).toBeGreaterThan(900 * MB);
  });

  it("grows with the output a resize asks for, up to the OSS output limit", () => {
    const small = estimateRenderMemory(header({}), "image/resize,w_1000/blur,r_3,s_2/format,png");
    const large = estimateRenderMemory(header({}), "image/resize,w_4700,limit_0/blur,r_3,s_2/format,png");
    expect(large.bytes).toBeGreaterThan(small.bytes * 2);
  });

  it("takes an unresolved saved style as the worst a chain can do", () => {
    const plain = estimateRenderMemory(header({}), "image/resize,w_100");
    expect(estimateRenderMemory(header({}), "style/thumb").bytes).toBeGreaterThan(plain.bytes);
  });

  it("throws the render's own syntax error", () => {
    expect(() => estimateRenderMemory(header({}), "image/resize,w_abc")).toThrow(/resize/);
  });
});
