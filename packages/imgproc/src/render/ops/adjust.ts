import type { BlurOp, BrightOp, ContrastOp, SharpenOp } from "../../syntax/ast.ts";
import { ready, type Work } from "../work.ts";
import type { OpContext } from "./context.ts";

// OSS documents none of these pixel formulas (img-syntax.md A.2.8–9, Part D 10); each mapping below
// is our approximation, chosen to look like the docs' example images, in one place so a probe can
// correct it.

async function apply(work: Work, ctx: OpContext, change: (img: Work["img"]) => Work["img"]): Promise<Work> {
  const base = await ready(work, "other", ctx);
  return { ...base, img: change(base.img), stage: "other" };
}

/**
 * `blur,r_R,s_S`: a Gaussian of standard deviation S (R, the radius, only bounds the kernel, which
 * libvips derives from S). Face-restricted blur (`g_face`) needs IMM face detection: we blur the whole
 * image and say so.
 * @example
 * work = await blur(work, { op: "blur", r: 3, s: 2 }, ctx);
 */
export function blur(work: Work, op: BlurOp, ctx: OpContext): Promise<Work> {
  if (op.g)
    ctx.warnings.push(
      `blur,g_${op.g} needs face detection, which the preview lacks: the whole image is blurred.`,
    );
  return apply(work, ctx, (img) => img.blur(Math.max(0.3, op.s)));
}

/**
 * `bright,V` (−100…100): adds V × 1.28 to every colour channel (±128 at the ends).
 * @example
 * work = await bright(work, { op: "bright", value: 50 }, ctx);
 */
export function bright(work: Work, op: BrightOp, ctx: OpContext): Promise<Work> {
  if (op.value === 0) return Promise.resolve(work);
  return apply(work, ctx, (img) => img.linear(1, op.value * 1.28));
}

/**
 * `contrast,V` (−100…100): scales the distance from mid-grey by 1 + V/100, so −100 is flat grey and
 * 100 doubles the contrast.
 * @example
 * work = await contrast(work, { op: "contrast", value: -50 }, ctx);
 */
export function contrast(work: Work, op: ContrastOp, ctx: OpContext): Promise<Work> {
  if (op.value === 0) return Promise.resolve(work);
  const a = 1 + op.value / 100;
  return apply(work, ctx, (img) => img.linear(a, 128 * (1 - a)));
}

/**
 * `sharpen,V` (50…399, 100 recommended): an unsharp mask of sigma V/100.
 * @example
 * work = await sharpen(work, { op: "sharpen", value: 100 }, ctx);
 */
export function sharpen(work: Work, op: SharpenOp, ctx: OpContext): Promise<Work> {
  return apply(work, ctx, (img) => img.sharpen({ sigma: op.value / 100 }));
}
