import type { JdOperation } from "../syntax/ast.ts";
import { describeOperation } from "./cost/estimate.ts";
import { blur, bright, contrast, sharpen } from "./ops/adjust.ts";
import type { OpContext } from "./ops/context.ts";
import { centerRect, cropRect, extract, indexRect } from "./ops/crop.ts";
import { jdCgif, jdScale, jdScalePad } from "./ops/jd.ts";
import { resize } from "./ops/resize.ts";
import { rotate } from "./ops/rotate.ts";
import { circle, roundedCorners } from "./ops/shape.ts";
import { jdImageWatermark, jdTextWatermark, watermark } from "./watermark/index.ts";
import type { Work } from "./work.ts";

/**
 * Runs one operation on the image. Operations that act on the whole chain (format, quality,
 * interlace, auto-orient, JD `qf`/`ns`) were read by `plan` and do nothing here; info and
 * average-hue are answered by `render` before the chain runs.
 */
function step(work: Work, op: JdOperation, ctx: OpContext): Promise<Work> {
  switch (op.op) {
    case "resize":
      return resize(work, op, ctx);
    case "crop":
      return extract(work, (W, H) => cropRect(W, H, op), ctx);
    case "indexcrop":
      return extract(work, (W, H) => indexRect(W, H, op), ctx);
    case "jd-cc":
      return extract(work, (W, H) => centerRect(W, H, op), ctx);
    case "circle":
      return circle(work, op, ctx);
    case "rounded-corners":
      return roundedCorners(work, op, ctx);
    case "rotate":
      return rotate(work, op, ctx);
    case "blur":
      return blur(work, op, ctx);
    case "bright":
      return bright(work, op, ctx);
    case "contrast":
      return contrast(work, op, ctx);
    case "sharpen":
      return sharpen(work, op, ctx);
    case "watermark":
      return watermark(work, op, ctx);
    case "jd-sp":
    case "jd-sa":
      return jdScale(work, op, ctx);
    case "jd-shb":
    case "jd-swb":
      return jdScalePad(work, op, ctx);
    case "jd-cgif":
      return jdCgif(work, op, ctx);
    case "jd-wmt":
      return jdTextWatermark(work, op, ctx);
    case "jd-wmi":
      return jdImageWatermark(work, op, ctx);
    case "format":
    case "quality":
    case "interlace":
    case "auto-orient":
    case "jd-qf":
    case "jd-ns":
    case "jd-o":
    case "info":
    case "average-hue":
      return Promise.resolve(work);
  }
}

/**
 * Runs the operations in the order written, checking the abort signal between them.
 * @example
 * const done = await runOperations(open(source, plan), ops, ctx);
 */
export async function runOperations(work: Work, ops: readonly JdOperation[], ctx: OpContext): Promise<Work> {
  let current = work;
  for (const op of ops) {
    ctx.signal.throwIfAborted();
    const next = await step(current, op, ctx);
    // Whole-chain actions (format, quality…) change nothing here and run no pixels.
    if (next !== current) ctx.pending?.push(describeOperation(op));
    current = next;
  }
  return current;
}
