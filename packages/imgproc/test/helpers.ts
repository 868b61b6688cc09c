/**
 * Shared helpers of the render tests: fixture paths and perceptual comparison (never bytes).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** Reads a fixture by its path under test/fixtures (e.g. `images/truncated.jpg`). */
export function fixture(path: string): Buffer {
  return readFileSync(`${FIXTURES}${path}`);
}

export const EXAMPLE_JPG = "oss-demo-images/image-demo_example.jpg";
export const F_JPG = "oss-demo-images/image-demo_f.jpg";
export const EXAMPLE_GIF = "oss-demo-images/image-demo_example.gif";
export const NODEJS_PNG = "oss-demo-images/ali-oss_nodejs-1024x768.png";

/** RGBA of one pixel of an encoded image (alpha 255 when the image has none). */
export async function pixelAt(
  image: Buffer,
  x: number,
  y: number,
): Promise<[number, number, number, number]> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i] ?? -1, data[i + 1] ?? -1, data[i + 2] ?? -1, data[i + 3] ?? -1];
}

/**
 * Mean absolute difference per channel (0–255) between two images of the same size, compared as
 * flattened-on-white 8-bit sRGB: the perceptual metric of these tests.
 */
export async function meanAbsDiff(a: Buffer, b: Buffer): Promise<number> {
  const raw = (img: Buffer) =>
    sharp(img)
      .flatten({ background: "#ffffff" })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
  const [x, y] = await Promise.all([raw(a), raw(b)]);
  if (x.info.width !== y.info.width || x.info.height !== y.info.height) {
    throw new Error(`sizes differ: ${x.info.width}x${x.info.height} vs ${y.info.width}x${y.info.height}`);
  }
  let sum = 0;
  for (let i = 0; i < x.data.length; i++) sum += Math.abs((x.data[i] ?? 0) - (y.data[i] ?? 0));
  return sum / x.data.length;
}

/** A solid or gradient test image made on the fly. */
export function solid(
  width: number,
  height: number,
  colour: string,
  format: "png" | "jpeg" = "png",
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: colour } })
    .toFormat(format)
    .toBuffer();
}

/** Mean of each channel (R, G, B) of an encoded image. */
export async function channelMeans(image: Buffer): Promise<number[]> {
  const stats = await sharp(image).stats();
  return stats.channels.slice(0, 3).map((c) => c.mean);
}
