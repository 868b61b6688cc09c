import type { RotateOp } from "../../syntax/ast.ts";
import { RenderError } from "../error.ts";
import { LIMITS } from "../limits.ts";
import { ready, type Work } from "../work.ts";
import type { OpContext } from "./context.ts";

/**
 * `rotate,N` clockwise. Right angles swap the sides; other angles grow the canvas to the rotated
 * bounding box, with new corners white for JPEG/BMP output and transparent otherwise (Decisions).
 * @example
 * work = await rotate(work, { op: "rotate", value: 90 }, ctx);
 */
export async function rotate(work: Work, op: RotateOp, ctx: OpContext): Promise<Work> {
  const angle = op.value % 360;
  if (angle === 0) return work;
  const base = await ready(work, "rotate", ctx);
  if (base.width > LIMITS.maxRotateSide || base.height > LIMITS.maxRotateSide) {
    throw new RenderError(400, "BadRequest", "Picture exceed the maximum allowable rotation range");
  }
  const white = ctx.plan.opaque || ctx.plan.format === "bmp";
  const background = white ? { r: 255, g: 255, b: 255, alpha: 1 } : { r: 0, g: 0, b: 0, alpha: 0 };
  const right = angle % 90 === 0;
  // Transparent corners need an alpha channel; white ones must not add one (BMP stays 24-bit).
  const img = (right || white ? base.img : base.img.ensureAlpha()).rotate(angle, { background });
  const swap = angle === 90 || angle === 270;
  return {
    ...base,
    img,
    width: swap ? base.height : base.width,
    height: swap ? base.width : base.height,
    stage: "rotate",
    // libvips sizes a free-angle canvas itself; the next operation asks for the real size.
    sized: right,
  };
}
