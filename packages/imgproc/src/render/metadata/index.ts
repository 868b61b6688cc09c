import type { ImageFormat } from "../../syntax/ast.ts";
import type { Source } from "../source.ts";
import { type Budget, run, secondsLeft, type Work } from "../work.ts";
import { readExif } from "./exif.ts";

const value = (v: string | number) => ({ value: String(v) });

/**
 * `image/info` as OSS answers it: every field `{ "value": "<string>" }`; FileSize, Format,
 * FrameCount, ImageHeight, ImageWidth always, then the EXIF tags present (Orientation,
 * XResolution, …). Sizes are the stored, un-rotated ones.
 * @example
 * ossInfo(source); // { FileSize: { value: "21839" }, Format: { value: "jpg" }, … }
 */
export function ossInfo(source: Source): Record<string, { value: string }> {
  const info: Record<string, { value: string }> = {
    FileSize: value(source.bytes.length),
    Format: value(source.format),
    FrameCount: value(source.frames),
    ImageHeight: value(source.height),
    ImageWidth: value(source.width),
  };
  // Resolution from the JFIF/PNG header when the file states a unit (OSS shows f.jpg's JFIF 96 dpi as
  // ResolutionUnit 2, XResolution "96/1"); EXIF tags, read next, win when present.
  const { density, resolutionUnit } = source.metadata;
  if (density && resolutionUnit) {
    info.ResolutionUnit = value(resolutionUnit === "cm" ? 3 : 2);
    info.XResolution = value(`${density}/1`);
    info.YResolution = value(`${density}/1`);
  }
  for (const [name, v] of Object.entries(readExif(source.metadata.exif))) info[name] = value(v);
  return info;
}

/**
 * `image/average-hue`: the mean colour of the image (after the operations before it), as
 * `{ "RGB": "0xrrggbb" }`.
 * @example
 * await averageHue(work, ctx); // { RGB: "0x5c783b" }
 */
export async function averageHue(work: Work, budget: Budget): Promise<{ RGB: string }> {
  budget.signal.throwIfAborted();
  // stats() would read the INPUT, ignoring the staged operations: decode the pipeline first.
  const { data, info } = await run(
    work.img
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .timeout({ seconds: secondsLeft(budget) })
      .toBuffer({ resolveWithObject: true }),
  );
  budget.signal.throwIfAborted();
  const sums = [0, 0, 0];
  const pixels = info.width * info.height;
  for (let i = 0; i < pixels; i++) {
    for (let k = 0; k < 3; k++)
      sums[k] = (sums[k] ?? 0) + (data[i * info.channels + Math.min(k, info.channels - 1)] ?? 0);
  }
  const hex = sums
    .map((sum) =>
      Math.round(sum / Math.max(1, pixels))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("");
  return { RGB: `0x${hex}` };
}

const JD_FORMATS: Record<ImageFormat, string> = {
  jpg: "JPEG",
  png: "PNG",
  gif: "GIF",
  webp: "WEBP",
  bmp: "BMP",
  tiff: "TIFF",
  heic: "HEIC",
  avif: "AVIF",
};

/** ImageMagick's ImageType enum, which JD's `imgType` reports (6 = TrueColor). */
function imageType(source: Source): number {
  const { space, channels, isPalette } = source.metadata;
  if (space === "cmyk") return source.hasAlpha ? 9 : 8;
  if (space === "b-w") return (channels ?? 1) >= 2 ? 3 : 2;
  if (isPalette || source.format === "gif") return source.hasAlpha ? 5 : 4;
  return source.hasAlpha ? 7 : 6;
}

/**
 * JD `imginfo`: `{ format, width, height, fileSize, imgType, orientation }`.
 * @example
 * jdImgInfo(source); // { format: "JPEG", width: 350, height: 236, fileSize: 38539, imgType: 6, orientation: 1 }
 */
export function jdImgInfo(source: Source) {
  return {
    format: JD_FORMATS[source.format],
    width: source.width,
    height: source.height,
    fileSize: source.bytes.length,
    imgType: imageType(source),
    // No EXIF tag means the stored pixels are upright: orientation 1 (the Decisions on auto-orient).
    orientation: source.metadata.orientation ?? 1,
  };
}

/**
 * JD `imgexif`: the EXIF tags as strings (JPEG and TIFF only; `{}` otherwise).
 * @example
 * jdImgExif(source); // { Orientation: "7", XResolution: "96/1", … }
 */
export function jdImgExif(source: Source): Record<string, string> {
  return source.format === "jpg" || source.format === "tiff" ? readExif(source.metadata.exif) : {};
}
