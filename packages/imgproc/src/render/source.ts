import sharp, { type Metadata } from "sharp";
import type { ImageFormat } from "../syntax/ast.ts";
import { type DecodedBmp, decodeBmp, readBmpHeader } from "./bmp.ts";
import { imageTooLarge, unsupportedFormat } from "./error.ts";
import { estimateJpegQuality } from "./jpeg-quality.ts";
import { checkInputSize, LIMITS } from "./limits.ts";

/** What the renderer knows about its input before decoding any pixel. */
export interface Source {
  bytes: Buffer;
  format: ImageFormat;
  /** Stored (un-rotated) size of one frame. */
  width: number;
  height: number;
  frames: number;
  /** EXIF orientation 1–8 (1 when absent). */
  orientation: number;
  hasAlpha: boolean;
  /** Estimated JPEG quality of a JPEG source (see jpeg-quality.ts). */
  quality: number | undefined;
  metadata: Metadata;
  /** Pixels decoded by the package when libvips cannot read the format (BMP). */
  raw?: DecodedBmp;
}

/** BMP: libvips in sharp has no BMP loader, so the package decodes it (after the size checks). */
async function probeBmp(bytes: Buffer): Promise<Source | undefined> {
  const header = readBmpHeader(bytes);
  if (!header) return undefined;
  checkInputSize(header.width, header.height, 1);
  const raw = decodeBmp(bytes, header);
  if (!raw) throw unsupportedFormat();
  const { width, height, channels } = raw;
  const metadata = await sharp(raw.data, { raw: { width, height, channels } }).metadata();
  return {
    bytes,
    format: "bmp",
    width,
    height,
    frames: 1,
    orientation: 1,
    hasAlpha: channels === 4,
    quality: undefined,
    metadata,
    raw,
  };
}

function formatOf(metadata: Metadata): ImageFormat | undefined {
  switch (metadata.format) {
    case "jpeg":
      return "jpg";
    case "png":
    case "webp":
    case "gif":
    case "tiff":
      return metadata.format;
    case "heif":
      return metadata.compression === "av1" ? "avif" : "heic";
    default:
      // svg, pdf, raw, jp2, jxl…: libvips reads them but OSS does not accept them as sources.
      return undefined;
  }
}

/**
 * Reads the header of an untrusted input and checks it against the OSS limits: byte size, format,
 * side and pixel count. Throws a RenderError; decodes no pixels, so a decompression bomb costs
 * nothing here.
 * @example
 * const source = await probe(bytes, 20 * 1024 * 1024); // { format: "jpg", width: 400, … }
 */
export async function probe(
  input: Uint8Array,
  maxInputBytes: number = LIMITS.maxInputBytes,
): Promise<Source> {
  if (input.byteLength > maxInputBytes) {
    throw imageTooLarge(
      `The image file is ${input.byteLength} bytes; the limit is ${maxInputBytes} bytes.`,
      "0040-00000012",
    );
  }
  if (input.byteLength === 0) throw unsupportedFormat();
  const bytes = Buffer.isBuffer(input)
    ? input
    : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) {
    const bmp = await probeBmp(bytes);
    if (!bmp) throw unsupportedFormat();
    return bmp;
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false, failOn: "warning" }).metadata();
  } catch {
    throw unsupportedFormat();
  }
  const format = formatOf(metadata);
  if (!format || !metadata.width || !metadata.height) throw unsupportedFormat();
  const frames = format === "gif" || format === "webp" ? (metadata.pages ?? 1) : 1;
  const height = frames > 1 ? (metadata.pageHeight ?? metadata.height) : metadata.height;
  checkInputSize(metadata.width, height, frames, format);
  return {
    bytes,
    format,
    width: metadata.width,
    height,
    frames,
    orientation: metadata.orientation ?? 1,
    hasAlpha: metadata.hasAlpha ?? false,
    quality: format === "jpg" ? estimateJpegQuality(bytes) : undefined,
    metadata,
  };
}
