import type { CircleOp, RoundedCornersOp } from "../../syntax/ast.ts";
import { ready, type Work } from "../work.ts";
import type { OpContext } from "./context.ts";

/** Keeps only the pixels under an SVG shape; the rest becomes transparent (white later for JPEG). */
async function mask(work: Work, svg: string, ctx: OpContext): Promise<Work> {
  const base = await ready(work, "composite", ctx);
  const img = base.img.ensureAlpha().composite([{ input: Buffer.from(svg), blend: "dest-in" }]);
  return { ...base, img, stage: "composite", transparent: true };
}

/**
 * The radius OSS really uses: at most (shorter side − 1) / 2, so the square is 2r+1 px.
 * @example
 * circleRadius(400, 267, 200); // 133
 */
export function circleRadius(width: number, height: number, r: number): number {
  return Math.max(0, Math.min(r, Math.floor((Math.min(width, height) - 1) / 2)));
}

/**
 * `circle,r_N`: a (2r+1)-px square around the centre, outside the circle transparent (Decisions).
 * @example
 * work = await circle(work, { op: "circle", r: 100 }, ctx); // 201×201
 */
export async function circle(work: Work, op: CircleOp, ctx: OpContext): Promise<Work> {
  const base = await ready(work, "extract", ctx);
  const r = circleRadius(base.width, base.height, op.r);
  const side = 2 * r + 1;
  const left = Math.floor(base.width / 2) - r;
  const top = Math.floor(base.height / 2) - r;
  const cut: Work = {
    ...base,
    img: base.img.extract({ left, top, width: side, height: side }),
    width: side,
    height: side,
    stage: "extract",
  };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><circle cx="${side / 2}" cy="${side / 2}" r="${side / 2}"/></svg>`;
  return mask(cut, svg, ctx);
}

/**
 * `rounded-corners,r_N`: same size, corners of radius min(r, shorter side / 2) made transparent.
 * @example
 * work = await roundedCorners(work, { op: "rounded-corners", r: 30 }, ctx);
 */
export async function roundedCorners(work: Work, op: RoundedCornersOp, ctx: OpContext): Promise<Work> {
  const base = await ready(work, "composite", ctx);
  const { width, height } = base;
  const r = Math.min(op.r, Math.floor(Math.min(width, height) / 2));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" rx="${r}" ry="${r}"/></svg>`;
  return mask(base, svg, ctx);
}
