import type { OperationName } from "../ast.ts";
import { autoOrient, blur, bright, contrast, rotate, sharpen } from "../operations/adjust.ts";
import { crop, indexcrop } from "../operations/crop.ts";
import { format, interlace, quality } from "../operations/encoding.ts";
import { resize } from "../operations/resize.ts";
import { averageHue, circle, info, roundedCorners } from "../operations/shapes.ts";
import { watermark } from "../operations/watermark.ts";
import type { OperationSpec } from "./types.ts";

export type * from "./types.ts";

/**
 * Every Alibaba `image/…` action: names, parameters, types, ranges, enum values, defaults and a
 * line of description. The validator is driven by this table, and the console's visual builder
 * generates its forms from it, so the two cannot disagree.
 * @example
 * operationCatalogue.find((o) => o.name === "resize")?.params.map((p) => p.name);
 * // ["m", "w", "h", "l", "s", "p", "P", "limit", "color"]
 */
export const operationCatalogue: readonly OperationSpec[] = [
  resize,
  crop,
  indexcrop,
  circle,
  roundedCorners,
  rotate,
  autoOrient,
  blur,
  bright,
  contrast,
  sharpen,
  format,
  quality,
  interlace,
  watermark,
  info,
  averageHue,
];

const byName = new Map<string, OperationSpec>(operationCatalogue.map((o) => [o.name, o]));

/**
 * Looks an action up by its exact (case-sensitive) name.
 * @example
 * getOperationSpec("rotate")?.form; // "bare"
 */
export function getOperationSpec(name: string): OperationSpec | undefined {
  return byName.get(name);
}

/** The names, in catalogue order. */
export const OPERATION_NAMES: readonly OperationName[] = operationCatalogue.map((o) => o.name);
