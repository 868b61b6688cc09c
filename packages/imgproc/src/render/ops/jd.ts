import sharp from "sharp";
import type { JdCgifOp, JdScaleAreaOp, JdScalePadOp, JdScalePermilleOp } from "../../syntax/ast.ts";
import { checkOutputSize, LIMITS } from "../limits.ts";
import { ready, run, secondsLeft, settle, type Work } from "../work.ts";
import type { OpContext } from "./context.ts";

function scaleTo(work: Work, width: number, height: number): Work {
  checkOutputSize(width, height);
  if (width === work.width && height === work.height) return work;
  return { ...work, img: work.img.resize({ width, height, fit: "fill" }), width, height, stage: "resize" };
}

/**
 * JD `sp/n` (both sides × n/1000) and `sa/n` (about n pixels in all, aspect kept).
 * @example
 * work = await jdScale(work, { op: "jd-sp", n: 500 }, ctx); // half size
 */
export async function jdScale(
  work: Work,
  op: JdScalePermilleOp | JdScaleAreaOp,
  ctx: OpContext,
): Promise<Work> {
  const base = await ready(work, "resize", ctx);
  const factor = op.op === "jd-sp" ? op.n / 1000 : Math.sqrt(op.n / (base.width * base.height));
  const width = Math.max(1, Math.round(base.width * factor));
  const height = Math.max(1, Math.round(base.height * factor));
  return scaleTo(base, width, height);
}

/**
 * JD `shb`/`swb`: scale by one side, fitting inside w×h, then pad to exactly w×h with `color`
 * (white by default).
 * @example
 * work = await jdScalePad(work, { op: "jd-swb", w: 200, h: 200 }, ctx);
 */
export async function jdScalePad(work: Work, op: JdScalePadOp, ctx: OpContext): Promise<Work> {
  const base = await ready(work, "resize", ctx);
  checkOutputSize(op.w, op.h);
  const img = base.img.resize({
    width: op.w,
    height: op.h,
    fit: "contain",
    background: `#${op.color ?? "FFFFFF"}`,
  });
  return { ...base, img, width: op.w, height: op.h, stage: "resize" };
}

/**
 * The frames JD `cgif/n` keeps out of `count`: n = 1 the first 30, n ≥ 2 n evenly spaced ones
 * (4 frames, n = 2 → frames 1 and 3), all of them when n exceeds the count.
 * @example
 * cgifFrames(4, 2); // [0, 2]
 */
export function cgifFrames(count: number, n: number): number[] {
  const all = Array.from({ length: count }, (_, k) => k);
  if (n === 1) return all.slice(0, 30);
  if (n >= count) return all;
  const step = Math.floor(count / n);
  return Array.from({ length: n }, (_, k) => k * step);
}

/**
 * JD `cgif/n` on an animated image: keeps the chosen frames (and their delays).
 * @example
 * work = await jdCgif(work, { op: "jd-cgif", n: 2 }, ctx);
 */
export async function jdCgif(work: Work, op: JdCgifOp, ctx: OpContext): Promise<Work> {
  if (work.frames <= 1) return work;
  const base = await settle(work, ctx);
  const keep = cgifFrames(base.frames, op.n);
  if (keep.length === base.frames) return base;
  const { data, info } = await run(
    base.img
      .raw()
      .timeout({ seconds: secondsLeft(ctx) })
      .toBuffer({ resolveWithObject: true }),
  );
  ctx.signal.throwIfAborted();
  const frameBytes = base.width * base.height * info.channels;
  const pixels = Buffer.concat(keep.map((k) => data.subarray(k * frameBytes, (k + 1) * frameBytes)));
  const delays = base.delays ?? ctx.source.metadata.delay;
  return {
    img: sharp(pixels, {
      raw: {
        width: base.width,
        height: base.height * keep.length,
        channels: info.channels,
        pageHeight: base.height,
      },
      limitInputPixels: LIMITS.maxInputPixels,
    }),
    width: base.width,
    height: base.height,
    frames: keep.length,
    stage: "fresh",
    sized: true,
    transparent: base.transparent,
    delays: delays ? keep.map((k) => delays[k] ?? 100) : undefined,
  };
}
