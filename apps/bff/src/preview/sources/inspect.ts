import type { ImageFacts } from "@style-console/contract/dto";
import {
  decodeAll as decodeWhole,
  estimateDecodeMemory,
  isRenderError,
  LIMITS,
  type MemoryEstimate,
  probeHeader,
  render,
} from "@style-console/imgproc/render";
import { HttpError } from "../../http/error.ts";
import { sniffImage } from "./sniff.ts";

const MB = 1024 * 1024;

/** What the header says about an upload, and what decoding all of it to check it will cost. */
export interface Inspection {
  facts: ImageFacts;
  kind: string;
  /** Peak memory of the full decode (`estimateDecodeMemory`). */
  cost: MemoryEstimate;
}

/**
 * The cheap half of checking untrusted bytes before they become a preview source, cheapest check
 * first, refusing with the reason: over the byte limit (413), not an image type OSS accepts by its
 * magic number (415), past the OSS side or pixel limits by its header, so a decompression bomb is
 * refused without decoding a pixel (413). Then what the full decode ({@link decodeAll}) will cost.
 * @example
 * const { facts, cost } = await inspectHeader(jpegBytes); // facts: { format: "jpg", width: 400, … }
 */
export async function inspectHeader(
  bytes: Buffer,
  maxBytes: number = LIMITS.maxInputBytes,
): Promise<Inspection> {
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
  let cost: MemoryEstimate;
  try {
    cost = estimateDecodeMemory(await probeHeader(bytes, maxBytes));
  } catch (error) {
    throw unreadable(kind, error);
  }
  return { facts, kind, cost };
}

/**
 * The whole check of an upload: {@link inspectHeader}, then {@link decodeAll}. For callers that
 * bound the decode themselves, the two halves are separate.
 * @example
 * await inspectImage(jpegBytes); // { format: "jpg", width: 400, height: 267, frames: 1, bytes: 21839 }
 */
export async function inspectImage(
  bytes: Buffer,
  maxBytes: number = LIMITS.maxInputBytes,
): Promise<ImageFacts> {
  const { facts, kind } = await inspectHeader(bytes, maxBytes);
  await decodeAll(bytes, kind, facts.frames > 1);
  return facts;
}

const unreadable = (kind: string, cause: unknown) =>
  new HttpError(
    "UnreadableImage",
    `The file starts like a ${kind.toUpperCase()} but its header cannot be read: it is damaged, or a variant OSS does not process.`,
    { cause },
  );

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
      throw new HttpError("ImageTooLarge", error.message, { cause: error });
    throw unreadable(kind, error);
  }
}

/**
 * Decodes every pixel of every frame once (imgproc's `decodeAll`), so a truncated or corrupt file is
 * refused now (400 `CorruptImage`) rather than on every preview. BMP is decoded completely by the
 * header check already (libvips has no BMP loader).
 * @example
 * await decodeAll(bytes, "gif", true);
 */
export async function decodeAll(bytes: Buffer, kind: string, animated: boolean): Promise<void> {
  if (kind === "bmp") return;
  try {
    await decodeWhole(bytes, { animated });
  } catch (error) {
    throw new HttpError(
      "CorruptImage",
      "The image is truncated or corrupt: it cannot be decoded to the end.",
      { cause: error },
    );
  }
}
