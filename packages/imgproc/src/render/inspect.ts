/**
 * Checking and describing images outside a render: the full decode that proves an upload is whole,
 * the facts of a backend's answer, and how alike two images look. The console's preview uses these so
 * it never opens sharp itself (decoder options and format names stay in `decoder.ts`).
 */
import sharp from "sharp";
import { readBmpHeader } from "./bmp.ts";
import { decodeOptions, formatName, LENIENT_OPTIONS, readMetadata } from "./decoder.ts";
import { translate, unsupportedFormat } from "./error.ts";
import { LIMITS } from "./limits.ts";

/**
 * Decodes every pixel of every frame once, so a truncated or corrupt file is refused now rather than
 * on every render. Through a shrinking pipeline that keeps nothing: the decoder's own buffers are all
 * it holds (`estimateDecodeMemory`). A BMP is left to `probe`, which decodes it whole already (libvips
 * has no BMP loader). Throws RenderError (`translate`: 400 `BadRequest` for a damaged file,
 * `ImageTooLarge` past the pixel limit).
 * @example
 * await decodeAll(gifBytes, { animated: true });
 */
export async function decodeAll(bytes: Uint8Array, { animated = false } = {}): Promise<void> {
  if (readBmpHeader(bytes)) return;
  try {
    await sharp(bytes, decodeOptions({ animated })).resize(64, 64, { fit: "inside" }).raw().toBuffer();
  } catch (error) {
    const translated = translate(error);
    // Whatever libvips said while decoding to the end, the bytes are the fault, not the renderer.
    throw translated.status === 500 ? unsupportedFormat() : translated;
  }
}

/**
 * Shrinks an image the renderer made so it fits a `box`×`box` square (pixels), as WebP at quality 75,
 * never enlarging: the style list's thumbnails. The input is a render's own output, so already bounded
 * by `LIMITS.maxOutputPixels`; it is still decoded under the input pixel limit, and only decoder errors
 * (not warnings) refuse it. Only the first frame of an animation is kept. Throws RenderError
 * (`translate`).
 * @example
 * await thumbnailWebp(renderedPng, 128); // WebP bytes, longest side ≤ 128
 */
export async function thumbnailWebp(bytes: Uint8Array, box: number): Promise<Buffer> {
  try {
    return await sharp(bytes, { limitInputPixels: LIMITS.maxInputPixels, failOn: "error" })
      .resize(box, box, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
  } catch (error) {
    throw translate(error);
  }
}

/** What an encoded image is, by its header: the renderer's format name, one frame's size, frames. */
export interface ImageDescription {
  /** `jpg`, `png`, `webp`, `gif`, `tiff`, `heic`, `avif`, or libvips' own name for anything else. */
  format: string;
  width: number;
  height: number;
  frames: number;
}

/**
 * Describes an image we did not make (a backend's answer) from its header, with no OSS limit applied;
 * undefined when libvips cannot read it (BMP has no libvips loader: sniff its magic number instead).
 * @example
 * await describeImage(webpBytes); // { format: "webp", width: 200, height: 133, frames: 1 }
 */
export async function describeImage(bytes: Uint8Array): Promise<ImageDescription | undefined> {
  const meta = await readMetadata(bytes);
  if (!meta) return undefined;
  const frames = meta.pages ?? 1;
  return {
    format: formatName(meta.format, meta.compression) ?? meta.format ?? "unknown",
    width: meta.width ?? 0,
    height: frames > 1 ? (meta.pageHeight ?? meta.height ?? 0) : (meta.height ?? 0),
    frames,
  };
}

/** The grid both images are reduced to before comparing. */
export const SIMILARITY_GRID = 64;

/** How {@link similarity} scores, in words, for the API to send with the score. */
export const SIMILARITY_METHOD =
  "1 − mean absolute difference of RGB over a 64×64 grid (both images resized to it, alpha flattened on white), divided by 255";

async function grid(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes, LENIENT_OPTIONS)
    .resize(SIMILARITY_GRID, SIMILARITY_GRID, { fit: "fill", kernel: "cubic" })
    .flatten({ background: "#ffffff" })
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer();
}

/**
 * How alike two encoded images look, from 0 (opposite) to 1 (identical at this grid): robust to
 * encoder differences (a JPEG from another libjpeg scores ~0.99), sensitive to geometry, crops,
 * colour and missing watermarks. Only the first frame of an animation is compared. Rejects with
 * sharp's error when either cannot be decoded; more than `LIMITS.maxInputPixels` pixels are refused.
 * @example
 * await similarity(ourJpeg, theirJpeg); // 0.994
 */
export async function similarity(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [left, right] = await Promise.all([grid(a), grid(b)]);
  let total = 0;
  for (let i = 0; i < left.length; i++) total += Math.abs((left[i] ?? 0) - (right[i] ?? 0));
  const score = 1 - total / (left.length * 255);
  return Math.round(score * 10_000) / 10_000;
}
