import type { FitEnum } from "sharp";
import type { ResizeMode, ResizeOp } from "../../syntax/ast.ts";
import { checkOutputSize } from "../limits.ts";
import { ready, type Work } from "../work.ts";
import type { OpContext } from "./context.ts";

/** Where a resize ends: the final canvas and, for `pad`/`fill`, the scaled image inside it. */
export interface ResizeTarget {
  mode: ResizeMode;
  /** Final output size. */
  width: number;
  height: number;
}

const round = (n: number): number => Math.max(1, Math.round(n));

/** The w×h box a resize asks for, or a pure scale factor for `p`. Priority: w/h, then l/s, then p. */
function box(
  W: number,
  H: number,
  op: ResizeOp,
): { w?: number | undefined; h?: number | undefined } | { scale: number } | undefined {
  if (op.w !== undefined || op.h !== undefined) return { w: op.w, h: op.h };
  if (op.l !== undefined || op.s !== undefined) {
    // The long target goes to the longer source side (with w/h absent; Volcengine's documented model).
    const landscape = W >= H;
    const long = op.l;
    const short = op.s;
    return landscape ? { w: long, h: short } : { w: short, h: long };
  }
  if (op.p !== undefined) return { scale: op.p / 100 };
  return undefined;
}

/**
 * The output size OSS gives `op` on a W×H image, or undefined when the image keeps its size
 * (nothing to do, or `limit_1` refusing to enlarge). Sides are rounded to nearest (四舍五入).
 * @example
 * resizeTarget(400, 300, { op: "resize", h: 100 }); // { mode: "lfit", width: 133, height: 100 }
 */
export function resizeTarget(
  W: number,
  H: number,
  op: ResizeOp,
  neverEnlarge = false,
): ResizeTarget | undefined {
  const mode = op.m ?? "lfit";
  const asked = box(W, H, op);
  if (!asked) return undefined;
  let target: ResizeTarget;
  if ("scale" in asked) {
    target = { mode: "fixed", width: round(W * asked.scale), height: round(H * asked.scale) };
  } else {
    const { w, h } = asked;
    if (mode === "fixed" || mode === "fill" || mode === "pad") {
      // One side given: fixed/fill/pad use the same value for the other side (a square box).
      const bw = w ?? h ?? 1;
      const bh = h ?? w ?? 1;
      target = { mode, width: bw, height: bh };
    } else {
      const sx = w === undefined ? undefined : w / W;
      const sy = h === undefined ? undefined : h / H;
      const scale =
        sx === undefined
          ? (sy ?? 1)
          : sy === undefined
            ? sx
            : mode === "lfit"
              ? Math.min(sx, sy)
              : Math.max(sx, sy);
      target = { mode, width: round(W * scale), height: round(H * scale) };
    }
  }
  // limit_1 (the default): when the image itself would grow past the source, it keeps the source
  // size. For pad and fill that is the scaled image inside the box (lfit / mfit of it), not the
  // canvas: padding a 400x267 photo into 300x300 shrinks it, it does not enlarge it. GIFs never enlarge.
  const limit = neverEnlarge ? 1 : (op.limit ?? 1);
  const scale =
    target.mode === "pad"
      ? Math.min(target.width / W, target.height / H)
      : target.mode === "fill"
        ? Math.max(target.width / W, target.height / H)
        : undefined;
  const grown =
    scale === undefined
      ? { width: target.width, height: target.height }
      : { width: W * scale, height: H * scale };
  if (limit === 1 && (grown.width > W + 0.5 || grown.height > H + 0.5)) return undefined;
  checkOutputSize(target.width, target.height);
  if (target.width === W && target.height === H && target.mode !== "pad") return undefined;
  return target;
}

function hex(color: string | undefined): string {
  return `#${color ?? "FFFFFF"}`;
}

const FITS: Record<ResizeMode, keyof FitEnum> = {
  lfit: "fill",
  mfit: "fill",
  fixed: "fill",
  fill: "cover",
  pad: "contain",
};

/**
 * `resize`: every mode, with OSS rounding (the exact size is computed here, not by sharp).
 * @example
 * work = await resize(work, { op: "resize", w: 200 }, ctx);
 */
export async function resize(work: Work, op: ResizeOp, ctx: OpContext): Promise<Work> {
  const base = await ready(work, "resize", ctx);
  const target = resizeTarget(base.width, base.height, op, ctx.plan.neverEnlarge);
  if (!target) return base;
  const img = base.img.resize({
    width: target.width,
    height: target.height,
    fit: FITS[target.mode],
    background: hex(op.color),
  });
  return { ...base, img, width: target.width, height: target.height, stage: "resize" };
}
