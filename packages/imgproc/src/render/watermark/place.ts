import sharp, { type OverlayOptions } from "sharp";
import type { Gravity } from "../../syntax/ast.ts";
import type { OpContext } from "../ops/context.ts";
import { ready, run, type Work } from "../work.ts";
import type { Mark } from "./mark.ts";

export interface Placement {
  g: Gravity;
  /** Margin from the left/right edge (left and right columns only). */
  x: number;
  /** Margin from the top/bottom edge (top and bottom rows only). */
  y: number;
  /** Shift from the middle line for the middle row; positive moves up (OSS gives no sign). */
  voffset: number;
  fill: boolean;
  padx: number;
  pady: number;
}

/**
 * The top-left corner of a mark of size w×h in a W×H image under OSS's anchor model: the cell's
 * edge plus the margin inward; the centre column ignores x, the middle row ignores y.
 * @example
 * markOrigin(400, 267, 100, 40, { g: "se", x: 10, y: 10, voffset: 0, fill: false, padx: 0, pady: 0 }); // [290, 217]
 */
export function markOrigin(W: number, H: number, w: number, h: number, at: Placement): [number, number] {
  const { g } = at;
  const left =
    g === "nw" || g === "west" || g === "sw"
      ? at.x
      : g === "ne" || g === "east" || g === "se"
        ? W - w - at.x
        : Math.floor((W - w) / 2);
  const top =
    g === "nw" || g === "north" || g === "ne"
      ? at.y
      : g === "sw" || g === "south" || g === "se"
        ? H - h - at.y
        : Math.floor((H - h) / 2) - at.voffset;
  return [left, top];
}

/** The part of the mark that lands inside the image (sharp refuses overlays past the edge). */
async function clipped(
  mark: Mark,
  left: number,
  top: number,
  W: number,
  H: number,
): Promise<OverlayOptions | undefined> {
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(W, left + mark.width);
  const y1 = Math.min(H, top + mark.height);
  if (x1 <= x0 || y1 <= y0) return undefined;
  if (x0 === left && y0 === top && x1 - x0 === mark.width && y1 - y0 === mark.height) {
    return { input: mark.data, left, top };
  }
  const input = await run(
    sharp(mark.data)
      .extract({ left: x0 - left, top: y0 - top, width: x1 - x0, height: y1 - y0 })
      .png({ compressionLevel: 0 })
      .toBuffer(),
  );
  return { input, left: x0, top: y0 };
}

/**
 * Composites a mark onto the image at its OSS position, or tiled over the whole image with
 * `padx`/`pady` gaps when `fill` is set.
 * @example
 * work = await placeMark(work, mark, { g: "se", x: 10, y: 10, voffset: 0, fill: false, padx: 0, pady: 0 }, ctx);
 */
export async function placeMark(work: Work, mark: Mark, at: Placement, ctx: OpContext): Promise<Work> {
  const base = await ready(work, "composite", ctx);
  const W = base.width;
  const H = base.height;
  const [left, top] = markOrigin(W, H, mark.width, mark.height, at);
  const overlays: OverlayOptions[] = [];
  if (at.fill) {
    // One tile = the mark plus its gaps; libvips repeats it from the top-left corner (OSS's tiling
    // phase is undocumented), which keeps the cost flat however small the mark.
    const tile = await run(
      sharp(mark.data)
        .extend({ right: at.padx, bottom: at.pady, background: { r: 0, g: 0, b: 0, alpha: 0 } })
        .png({ compressionLevel: 0 })
        .toBuffer({ resolveWithObject: true }),
    );
    const input = { data: tile.data, width: tile.info.width, height: tile.info.height };
    const overlay = await clipped(input, 0, 0, W, H);
    if (overlay) overlays.push({ input: overlay.input, tile: true, gravity: "northwest" });
  } else {
    const overlay = await clipped(mark, left, top, W, H);
    if (overlay) overlays.push(overlay);
  }
  if (overlays.length === 0) return base;
  return { ...base, img: base.img.composite(overlays), stage: "composite" };
}
