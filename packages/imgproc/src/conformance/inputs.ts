import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import sharp from "sharp";
import type { ExampleInput } from "./rows.ts";

/** The row's input bytes and whether they are the real image (or a synthetic stand-in). */
export interface ResolvedInput {
  bytes: Buffer;
  synthetic: boolean;
}

const FORMATS: Record<string, "jpeg" | "png" | "gif" | "webp"> = {
  jpg: "jpeg",
  jpeg: "jpeg",
  png: "png",
  gif: "gif",
  webp: "webp",
};

/** A smooth colour gradient, one hue shift per frame, so encoders see an ordinary image. */
function gradient(width: number, height: number, frames: number): Buffer {
  const pixels = Buffer.alloc(width * height * frames * 3);
  for (let f = 0; f < frames; f++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = ((f * height + y) * width + x) * 3;
        pixels[i] = Math.round((255 * x) / Math.max(1, width - 1));
        pixels[i + 1] = Math.round((255 * y) / Math.max(1, height - 1));
        pixels[i + 2] = (f * 60) % 256;
      }
    }
  }
  return pixels;
}

/**
 * A synthetic image of the given size, format and frame count (64×64 JPEG when unsaid).
 * @example
 * const bytes = await syntheticImage({ width: 200, height: 100, format: "jpg" });
 */
export async function syntheticImage(input: ExampleInput): Promise<Buffer> {
  const width = input.width ?? 64;
  const height = input.height ?? 64;
  const frames = input.frames ?? 1;
  const format = FORMATS[(input.format ?? (frames > 1 ? "gif" : "jpg")).toLowerCase()] ?? "jpeg";
  const img = sharp(gradient(width, height, frames), {
    raw: { width, height: height * frames, channels: 3, pageHeight: height },
    limitInputPixels: false,
  });
  return img.toFormat(format).toBuffer();
}

/**
 * The input of a row: its `local_copy` (relative to the examples file) when present, else a
 * synthetic image when the row gives a size or frame count; undefined when neither.
 * @example
 * await resolveInput({ local_copy: "oss-demo-images/image-demo_example.jpg" }, "/path/img-examples.json");
 */
export async function resolveInput(input: ExampleInput, file: string): Promise<ResolvedInput | undefined> {
  if (input.local_copy) {
    try {
      return { bytes: await readFile(resolve(dirname(file), input.local_copy)), synthetic: false };
    } catch {
      // Missing copy: fall back to a synthetic image of the documented size.
    }
  }
  if (input.width !== undefined || input.height !== undefined || input.frames !== undefined) {
    return { bytes: await syntheticImage(input), synthetic: true };
  }
  return undefined;
}
