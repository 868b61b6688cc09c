import type { CropOp, Gravity, IndexCropOp, JdCenterCropOp } from "../../syntax/ast.ts";
import { RenderError } from "../error.ts";
import { ready, type Work } from "../work.ts";
import type { OpContext } from "./context.ts";

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The anchor-model origin (img-syntax.md Decisions) of a w×h rectangle in a W×H image. */
function origin(g: Gravity, W: number, H: number, w: number, h: number): [number, number] {
  const cx = Math.floor(W / 2 - w / 2);
  const cy = Math.floor(H / 2 - h / 2);
  const col =
    g === "nw" || g === "west" || g === "sw" ? 0 : g === "ne" || g === "east" || g === "se" ? W - w : cx;
  const row =
    g === "nw" || g === "north" || g === "ne" ? 0 : g === "sw" || g === "south" || g === "se" ? H - h : cy;
  return [col, row];
}

/**
 * The rectangle OSS cuts for `crop` on a W×H image; throws the OSS 400 when the origin falls
 * outside the image. A rectangle running past an edge is clipped to it.
 * @example
 * cropRect(400, 267, { op: "crop", w: 200, h: 200, g: "se" }); // { left: 200, top: 67, width: 200, height: 200 }
 */
export function cropRect(W: number, H: number, op: CropOp): Rect {
  // w/h of 0 or absent mean "to the edge".
  const w = op.w || W;
  const h = op.h || H;
  const [ox, oy] = origin(op.g ?? "nw", W, H, w, h);
  const left = Math.max(0, ox) + (op.x ?? 0);
  const top = Math.max(0, oy) + (op.y ?? 0);
  if (left >= W || top >= H) {
    throw new RenderError(400, "BadRequest", "Advance cut's position is out of image.");
  }
  return { left, top, width: Math.min(w, W - left), height: Math.min(h, H - top) };
}

/**
 * The slice `indexcrop` returns, or undefined when the index is past the last slice (OSS then
 * returns the original image). `y` wins when both are given; a short last slice counts.
 * @example
 * indexRect(400, 267, { op: "indexcrop", x: 100, i: 0 }); // { left: 0, top: 0, width: 100, height: 267 }
 */
export function indexRect(W: number, H: number, op: IndexCropOp): Rect | undefined {
  const i = op.i ?? 0;
  if (op.y !== undefined) {
    if (i * op.y >= H) return undefined;
    return { left: 0, top: i * op.y, width: W, height: Math.min(op.y, H - i * op.y) };
  }
  if (op.x !== undefined) {
    if (i * op.x >= W) return undefined;
    return { left: i * op.x, top: 0, width: Math.min(op.x, W - i * op.x), height: H };
  }
  return undefined;
}

/**
 * JD `cc/w/h`: the largest centred rectangle with aspect ratio w:h (rounded to nearest).
 * @example
 * centerRect(400, 200, { op: "jd-cc", w: 1, h: 1 }); // { left: 100, top: 0, width: 200, height: 200 }
 */
export function centerRect(W: number, H: number, op: JdCenterCropOp): Rect {
  const scale = Math.min(W / op.w, H / op.h);
  const width = Math.max(1, Math.min(W, Math.round(op.w * scale)));
  const height = Math.max(1, Math.min(H, Math.round(op.h * scale)));
  return { left: Math.floor((W - width) / 2), top: Math.floor((H - height) / 2), width, height };
}

/**
 * Cuts the rectangle `rectOf` picks (given the current size) out of every frame.
 * @example
 * work = await extract(work, (W, H) => cropRect(W, H, op), ctx);
 */
export async function extract(
  work: Work,
  rectOf: (width: number, height: number) => Rect | undefined,
  ctx: OpContext,
): Promise<Work> {
  const base = await ready(work, "extract", ctx);
  const rect = rectOf(base.width, base.height);
  if (!rect || (rect.width === base.width && rect.height === base.height)) return base;
  return { ...base, img: base.img.extract(rect), width: rect.width, height: rect.height, stage: "extract" };
}
