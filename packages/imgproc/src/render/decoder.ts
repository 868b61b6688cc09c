/**
 * How the package opens untrusted image bytes with sharp: the one place that holds the decoder's
 * options (`limitInputPixels`, `failOn`) and sharp's format names in ours. The renderer's `probe`, the
 * cost estimates' `probeHeader` and the checks of `inspect.ts` all start here.
 */
import sharp, { type Metadata, type SharpOptions } from "sharp";
import type { ImageFormat } from "../syntax/ast.ts";
import { imageTooLarge, unsupportedFormat } from "./error.ts";
import { checkInputSize, LIMITS } from "./limits.ts";

/**
 * The renderer's name for a format libvips reports (sharp's `metadata().format` and `compression`),
 * or undefined for what OSS does not accept as a source (svg, pdf, raw, jp2, jxl…).
 * @example
 * formatName("heif", "av1"); // "avif"
 * formatName("jpeg", undefined); // "jpg"
 */
export function formatName(
  format: string | undefined,
  compression: string | undefined,
): ImageFormat | undefined {
  switch (format) {
    case "jpeg":
      return "jpg";
    case "png":
    case "webp":
    case "gif":
    case "tiff":
      return format;
    case "heif":
      return compression === "av1" ? "avif" : "heic";
    default:
      return undefined;
  }
}

/**
 * Options of every decode of untrusted bytes: the OSS pixel limit, refusal of any decoder warning
 * (truncated or corrupt data), sequential reads.
 * @example
 * sharp(bytes, decodeOptions({ animated: false, autoOrient: true }));
 */
export function decodeOptions({ animated = false, autoOrient = false } = {}): SharpOptions {
  return {
    limitInputPixels: LIMITS.maxInputPixels,
    failOn: "warning",
    sequentialRead: true,
    animated,
    autoOrient,
  };
}

/**
 * Options of a header read: no pixel is decoded, so no pixel limit applies yet (the sides are checked
 * against the OSS limits after it), but a damaged header is refused.
 */
const HEADER_OPTIONS: SharpOptions = { limitInputPixels: false, failOn: "warning" };

/**
 * Refuses an input over the byte limit before anything reads it: 400 `ImageTooLarge` (EC 0040-00000012).
 * @example
 * checkInputBytes(bytes, 20 * 1024 * 1024);
 */
export function checkInputBytes(input: Uint8Array, maxInputBytes: number): void {
  if (input.byteLength > maxInputBytes) {
    throw imageTooLarge(
      `The image file is ${input.byteLength} bytes; the limit is ${maxInputBytes} bytes.`,
      "0040-00000012",
    );
  }
}

/** What libvips' header read says of an untrusted (non-BMP) image, checked against the OSS limits. */
export interface HeaderRead {
  metadata: Metadata;
  format: ImageFormat;
  /** Stored (un-rotated) size of one frame, in pixels. */
  width: number;
  height: number;
  /** Frames of an animated GIF or WebP; 1 otherwise. */
  frames: number;
}

// Header reads that passed, by the bytes they read. A preview reads its source's header for the memory
// estimate (`probeHeader`) and the renderer reads it again (`probe`), and every keystroke in the
// editor previews the same cached source: each read is a trip to libvips' thread pool, which on a
// loaded 2-core machine waited up to 17 ms. Keyed weakly by the very array, so an entry lives as long
// as its bytes; the bytes handed to the renderer are never written afterwards (file reads, response
// bodies, cache entries), and another view of the same memory is read afresh. A refused header is
// not kept: it is read and refused again.
const passed = new WeakMap<Uint8Array, HeaderRead>();

/**
 * Reads an untrusted image's header with libvips (no pixel decoded) and checks format, sides and pixels
 * against the OSS limits, once per array of bytes (the bytes must not change after). Throws RenderError:
 * 400 `BadRequest` (EC 0040-00000005) when it is no image OSS processes, 400 `ImageTooLarge` past a
 * limit (HEIC and AVIF with their own side limits).
 * @example
 * await readHeader(gifBytes); // { format: "gif", width: 100, height: 80, frames: 24, metadata }
 */
export async function readHeader(bytes: Uint8Array): Promise<HeaderRead> {
  const known = passed.get(bytes);
  if (known) return known;
  const read = await readHeaderOnce(bytes);
  passed.set(bytes, read);
  return read;
}

async function readHeaderOnce(bytes: Uint8Array): Promise<HeaderRead> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, HEADER_OPTIONS).metadata();
  } catch {
    throw unsupportedFormat();
  }
  const format = formatName(metadata.format, metadata.compression);
  if (!format || !metadata.width || !metadata.height) throw unsupportedFormat();
  const frames = format === "gif" || format === "webp" ? (metadata.pages ?? 1) : 1;
  const height = frames > 1 ? (metadata.pageHeight ?? metadata.height) : metadata.height;
  checkInputSize(metadata.width, height, frames, format);
  return { metadata, format, width: metadata.width, height, frames };
}

/**
 * Options for reading an image we only compare or describe (a backend's answer): any decoder warning
 * tolerated, the OSS pixel limit kept.
 */
export const LENIENT_OPTIONS: SharpOptions = { limitInputPixels: LIMITS.maxInputPixels, failOn: "none" };

// A header read of an image we only describe: no pixel limit, and no decoder warning refuses it (a
// backend's slightly damaged answer is still described, as the parity view needs).
const DESCRIBE_OPTIONS: SharpOptions = { limitInputPixels: false, failOn: "none" };

/**
 * Reads only the header, with no OSS limit applied and any decoder warning tolerated: for an image we
 * describe rather than process (a backend's answer). Undefined when libvips cannot read it.
 * @example
 * await readMetadata(pngBytes); // sharp's Metadata, or undefined
 */
export async function readMetadata(bytes: Uint8Array): Promise<Metadata | undefined> {
  try {
    return await sharp(bytes, DESCRIBE_OPTIONS).metadata();
  } catch {
    return undefined;
  }
}

/**
 * Sets how many libvips threads each render may use (sharp's `concurrency`), so that renders at once
 * × threads per render stay within the cores.
 * @example
 * setRenderThreads(1); // 2 cores, 2 renders at once
 */
export function setRenderThreads(threads: number): void {
  sharp.concurrency(threads);
}
