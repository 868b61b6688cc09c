import { GRAVITIES, type OperationSpec } from "../catalogue/types.ts";

// Crop sizes are bounded by the source image, which the syntax cannot see; 30000 is the largest
// source side OSS accepts, so anything above can never be valid.
const MAX_SOURCE_SIDE = 30000;

/** `crop` (reference A.2.2; `g` follows the Decisions' anchor model, applied by the renderer). */
export const crop: OperationSpec = {
  name: "crop",
  form: "keyed",
  description: "Cut a w×h rectangle at (x, y) from the origin chosen by g; clipped to the image.",
  params: [
    {
      name: "w",
      type: { kind: "int", min: 0, max: MAX_SOURCE_SIDE },
      description: "Width of the rectangle (default: to the image edge).",
      codes: { invalid: "0040-00000225" },
    },
    {
      name: "h",
      type: { kind: "int", min: 0, max: MAX_SOURCE_SIDE },
      description: "Height of the rectangle (default: to the image edge).",
      codes: { invalid: "0040-00000226" },
    },
    { name: "x", type: { kind: "int", min: 0, max: MAX_SOURCE_SIDE }, default: 0, description: "X offset." },
    { name: "y", type: { kind: "int", min: 0, max: MAX_SOURCE_SIDE }, default: 0, description: "Y offset." },
    {
      name: "g",
      type: { kind: "enum", values: GRAVITIES },
      default: "nw",
      description: "Origin of the rectangle in a 3×3 grid of anchors.",
    },
  ],
  constraints: ["An origin outside the image is a 400 error when rendered."],
};

/** `indexcrop` (reference A.2.3). */
export const indexcrop: OperationSpec = {
  name: "indexcrop",
  form: "keyed",
  description: "Cut the image into slices along x or y and keep slice i.",
  params: [
    {
      name: "x",
      type: { kind: "int", min: 1, max: MAX_SOURCE_SIDE },
      description: "Slice width when cutting along the x axis.",
      codes: { invalid: "0040-00000230" },
    },
    {
      name: "y",
      type: { kind: "int", min: 1, max: MAX_SOURCE_SIDE },
      description: "Slice height when cutting along the y axis.",
    },
    {
      name: "i",
      type: { kind: "int", min: 0, max: MAX_SOURCE_SIDE },
      default: 0,
      description: "Which slice to return (an index past the last returns the original).",
    },
  ],
  constraints: ["One of x or y is required; when both are given, y wins."],
  check(node, report) {
    if (node.x === undefined && node.y === undefined) {
      report.error({ code: "MissingParameter", message: "`indexcrop` needs `x` or `y`" });
    } else if (node.x !== undefined && node.y !== undefined) {
      report.warning({
        code: "ConflictingParameters",
        parameter: "x",
        message: "`x` of `indexcrop` is ignored because `y` is given (y wins)",
      });
    }
  },
};
