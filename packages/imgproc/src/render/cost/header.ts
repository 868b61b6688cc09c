import type { ImageFormat } from "../../syntax/ast.ts";
import { readBmpHeader } from "../bmp.ts";
import { checkInputBytes, readHeader } from "../decoder.ts";
import { checkInputSize, LIMITS } from "../limits.ts";

/** What the header of an image says, before a single pixel is decoded. */
export interface ImageHeader {
  format: ImageFormat;
  /** Stored (un-rotated) size of one frame, in pixels. */
  width: number;
  height: number;
  /** Frames of an animated GIF or WebP; 1 otherwise. */
  frames: number;
  /** Channels of the decoded image, alpha included (1–4). */
  bands: number;
  /** A progressive JPEG or interlaced PNG: the decoder must hold the whole image, not a few lines. */
  progressive: boolean;
  /** EXIF orientation 1–8 (1 when absent); 2–8 turn or flip the whole image before anything else. */
  orientation: number;
  /** File size in bytes. */
  bytes: number;
}

/**
 * Reads an untrusted image's header only (libvips' header read; for BMP, the package's header parser,
 * with no pixel decoded) and checks it against the OSS limits: byte size, format, sides, pixels. The
 * memory estimates (`estimateRenderMemory`, `estimateDecodeMemory`) start from it. Throws RenderError:
 * 400 `ImageTooLarge` (EC 0040-00000012) past a limit, 400 `BadRequest` (EC 0040-00000005) when it is
 * no image OSS processes.
 * @example
 * await probeHeader(webpBytes); // { format: "webp", width: 15000, height: 15000, frames: 1, bands: 3, … }
 */
export async function probeHeader(
  input: Uint8Array,
  maxInputBytes: number = LIMITS.maxInputBytes,
): Promise<ImageHeader> {
  checkInputBytes(input, maxInputBytes);
  const bmp = readBmpHeader(input);
  if (bmp) {
    checkInputSize(bmp.width, bmp.height, 1);
    const bands = bmp.bitsPerPixel === 32 ? 4 : 3;
    const { width, height } = bmp;
    return {
      format: "bmp",
      width,
      height,
      frames: 1,
      bands,
      progressive: false,
      orientation: 1,
      bytes: input.byteLength,
    };
  }
  const { metadata, format, width, height, frames } = await readHeader(input);
  return {
    format,
    width,
    height,
    frames,
    // GIF frames are composed on an RGBA canvas whatever the palette says.
    bands: format === "gif" ? 4 : (metadata.channels ?? 4),
    progressive: metadata.isProgressive ?? false,
    orientation: metadata.orientation ?? 1,
    bytes: input.byteLength,
  };
}
