import sharp, { type Metadata } from "sharp";
import type { ImageFormat } from "../syntax/ast.ts";
import { type DecodedBmp, decodeBmp, readBmpHeader } from "./bmp.ts";
import { checkInputBytes, readHeader } from "./decoder.ts";
import { unsupportedFormat } from "./error.ts";
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
  checkInputBytes(input, maxInputBytes);
  if (input.byteLength === 0) throw unsupportedFormat();
  const bytes = Buffer.isBuffer(input)
    ? input
    : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) {
    const bmp = await probeBmp(bytes);
    if (!bmp) throw unsupportedFormat();
    return bmp;
  }
  // The caller's array, not our Buffer view of it: a header read of it may be known already.
  const { metadata, format, width, height, frames } = await readHeader(input);
  return {
    bytes,
    format,
    width,
    height,
    frames,
    orientation: metadata.orientation ?? 1,
    hasAlpha: metadata.hasAlpha ?? false,
    quality: format === "jpg" ? estimateJpegQuality(bytes) : undefined,
    metadata,
  };
}
