import type { Sharp } from "sharp";
import type { ImageFormat } from "../syntax/ast.ts";
import { encodeBmp } from "./bmp.ts";
import { imageTooLarge } from "./error.ts";
import { LIMITS } from "./limits.ts";
import type { Plan } from "./plan.ts";
import type { Source } from "./source.ts";
import { type Budget, run, secondsLeft, settle, type Work } from "./work.ts";

export const CONTENT_TYPES: Record<ImageFormat, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  bmp: "image/bmp",
  gif: "image/gif",
  tiff: "image/tiff",
  heic: "image/heic",
  avif: "image/avif",
};

export interface Encoded {
  data: Buffer;
  info: { format: ImageFormat; width: number; height: number; frames: number; bytes: number };
}

function checkFormatLimits(format: ImageFormat, width: number, height: number): void {
  if (format === "webp" && (width > LIMITS.maxWebpSide || height > LIMITS.maxWebpSide)) {
    throw imageTooLarge(
      `Maximum width and height allowed is ${LIMITS.maxWebpSide} pixels for converting webp`,
    );
  }
  if (format === "avif" && width * height > LIMITS.maxAvifPixels) {
    throw imageTooLarge(`AVIF output is limited to ${LIMITS.maxAvifPixels} pixels.`, "0040-00000014");
  }
}

function withFormat(img: Sharp, plan: Plan, source: Source, delays: number[] | undefined): Sharp {
  const { quality } = plan;
  switch (plan.format) {
    case "jpg":
      // JPEG has no alpha: OSS fills transparent areas with white (it cannot fill black).
      return img.flatten({ background: "#ffffff" }).jpeg({ quality, progressive: plan.progressive });
    case "png":
      // Adaptive filtering at level 6: `format,png` of example.jpg is 164 KB against OSS's recorded
      // 160,733 B (sharp's default gives 267 KB; level 9 gets 160 KB but is four times slower).
      return img.png({ compressionLevel: 6, adaptiveFiltering: true });
    case "webp":
      return img.webp({ quality });
    case "gif": {
      const { loop } = source.metadata;
      const delay = delays ?? source.metadata.delay;
      return img.gif(plan.animated ? { ...(delay ? { delay } : {}), loop: loop ?? 0 } : {});
    }
    case "tiff":
      return img.tiff({ compression: "lzw" });
    case "avif":
      return img.avif({ quality });
    case "heic":
      // See plan.ts: sharp's libheif has no HEVC encoder; AV1 in a HEIF container, with a warning.
      return img.heif({ compression: "av1", quality });
    case "bmp":
      return img;
  }
}

/**
 * Encodes the finished image in the planned format (BMP through our own encoder).
 * @example
 * const { data, info } = await encode(work, plan, source, { deadline: Date.now() + 20_000, signal });
 */
export async function encode(work: Work, plan: Plan, source: Source, budget: Budget): Promise<Encoded> {
  budget.signal.throwIfAborted();
  const frames = plan.animated ? work.frames : 1;
  // sharp flattens BEFORE compositing within one pipeline: settle a pending composite on a possibly
  // transparent image (circle, rounded corners) so JPEG's white fill sees the transparency it made.
  const ready = plan.format === "jpg" && work.stage === "composite" && work.transparent;
  const done = ready ? await settle(work, budget) : work;
  let img = done.img.timeout({ seconds: secondsLeft(budget) });
  if (plan.keepMetadata) img = img.keepMetadata();
  if (plan.format === "bmp") {
    const { data, info } = await run(img.raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true }));
    checkFormatLimits("bmp", info.width, info.height);
    const bmp = encodeBmp(data, info.width, info.height, info.channels);
    return {
      data: bmp,
      info: { format: "bmp", width: info.width, height: info.height, frames: 1, bytes: bmp.length },
    };
  }
  if (work.sized) checkFormatLimits(plan.format, work.width, work.height);
  const { data, info } = await run(
    withFormat(img, plan, source, done.delays).toBuffer({ resolveWithObject: true }),
  );
  const height = frames > 1 ? Math.round(info.height / frames) : info.height;
  checkFormatLimits(plan.format, info.width, height);
  return {
    data,
    info: { format: plan.format, width: info.width, height, frames, bytes: data.length },
  };
}
