import type { ImageFacts } from "@style-console/contract/dto";
import { isRenderError, LIMITS, render } from "@style-console/imgproc/render";
import sharp from "sharp";
import { HttpError } from "../../http/error.ts";
import { sniffImage } from "./sniff.ts";

/** What the console shows about an image, and the preview's response headers. */

const MB = 1024 * 1024;

/**
 * Checks untrusted bytes before they become a preview source, cheapest check first, and refuses with
 * the reason: over the byte limit (413), not an image type OSS accepts by its magic number (415),
 * past the OSS side or pixel limits by its header, so a decompression bomb is refused without
 * decoding a pixel (413), then decoded once in full so a truncated or corrupt file is refused now
 * (400) rather than on every preview.
 * @example
 * await inspectImage(jpegBytes); // { format: "jpg", width: 400, height: 267, frames: 1, bytes: 21839 }
 */
export async function inspectImage(
  bytes: Buffer,
  maxBytes: number = LIMITS.maxInputBytes,
): Promise<ImageFacts> {
  if (bytes.length > maxBytes) {
    throw new HttpError(
      "ImageTooLarge",
      `The file is ${bytes.length} bytes; images up to ${maxBytes / MB} MB are accepted (the OSS limit).`,
    );
  }
  const kind = sniffImage(bytes);
  if (!kind) {
    throw new HttpError(
      "UnsupportedImageType",
      "The file is not an image type OSS processes (JPEG, PNG, GIF, WebP, BMP, TIFF, HEIC, AVIF); its first bytes say so, whatever its name.",
    );
  }
  const facts = await headerFacts(bytes, kind);
  // BMP is decoded completely by the header check already (libvips has no BMP loader).
  if (kind !== "bmp") await decodeAll(bytes, facts.frames > 1);
  return facts;
}

/**
 * The facts of an image from its header only (the renderer's own `info`, which applies the OSS limits
 * with their messages): for files we trust, such as the built-in samples.
 * @example
 * await headerFacts(jpegBytes, "jpg"); // { format: "jpg", width: 400, height: 267, frames: 1, bytes: 21839 }
 */
export async function headerFacts(bytes: Buffer, kind: string): Promise<ImageFacts> {
  try {
    const { data } = await render(bytes, "image/info");
    const info = JSON.parse(data.toString("utf8")) as Record<string, { value: string } | undefined>;
    const number = (name: string) => Number(info[name]?.value ?? 0);
    return {
      format: info.Format?.value ?? kind,
      width: number("ImageWidth"),
      height: number("ImageHeight"),
      frames: number("FrameCount") || 1,
      bytes: bytes.length,
    };
  } catch (error) {
    if (isRenderError(error) && error.code === "ImageTooLarge")
      throw new HttpError("ImageTooLarge", error.message);
    throw new HttpError(
      "UnreadableImage",
      `The file starts like a ${kind.toUpperCase()} but its header cannot be read: it is damaged, or a variant OSS does not process.`,
    );
  }
}

async function decodeAll(bytes: Buffer, animated: boolean): Promise<void> {
  try {
    await sharp(bytes, {
      failOn: "warning",
      limitInputPixels: LIMITS.maxInputPixels,
      sequentialRead: true,
      animated,
    }).stats();
  } catch {
    throw new HttpError(
      "CorruptImage",
      "The image is truncated or corrupt: it cannot be decoded to the end.",
    );
  }
}
