import type { OperationSpec } from "../catalogue/types.ts";

/** `rotate` (reference A.2.6). */
export const rotate: OperationSpec = {
  name: "rotate",
  form: "bare",
  description: "Rotate clockwise by the given degrees; other than right angles the canvas grows.",
  params: [
    {
      name: "value",
      type: { kind: "int", min: 0, max: 360 },
      required: true,
      default: 0,
      description: "Degrees clockwise.",
      codes: { invalid: "0040-00000217", missing: "0040-00000216" },
    },
  ],
};

/** `auto-orient` (reference A.2.7; applied first wherever it stands, per the Decisions). */
export const autoOrient: OperationSpec = {
  name: "auto-orient",
  form: "bare",
  description: "1: turn the image upright by its EXIF orientation; 0: keep the stored orientation.",
  params: [
    {
      name: "value",
      type: { kind: "flag", values: [0, 1] },
      required: true,
      default: 1,
      description: "1 applies the EXIF orientation, 0 keeps the pixels as stored.",
      codes: { invalid: "0040-00000215", missing: "0040-00000214" },
    },
  ],
};

/** `blur` (reference A.2.8). */
export const blur: OperationSpec = {
  name: "blur",
  form: "keyed",
  description: "Gaussian blur of radius r and standard deviation s (optionally only on faces).",
  params: [
    {
      name: "r",
      type: { kind: "int", min: 1, max: 50 },
      required: true,
      description: "Blur radius.",
      codes: { invalid: "0040-00000241" },
    },
    {
      name: "s",
      type: { kind: "int", min: 1, max: 50 },
      required: true,
      description: "Standard deviation.",
      codes: { invalid: "0040-00000242" },
    },
    {
      name: "g",
      type: { kind: "enum", values: ["face", "faces"] },
      description: "Blur only the largest face or all faces (needs an IMM binding on OSS).",
    },
    {
      name: "p",
      type: { kind: "int", min: 1, max: 200 },
      description: "Grow or shrink the blurred face area, in percent (only with g).",
      codes: { invalid: "0004-00000244" },
    },
  ],
  constraints: ["p only applies together with g."],
  check(node, report) {
    if (node.p !== undefined && node.g === undefined) {
      report.warning({
        code: "ConflictingParameters",
        parameter: "p",
        message: "`p` of `blur` only has an effect with `g`",
      });
    }
  },
};

const level = (name: "bright" | "contrast", description: string, invalid?: string): OperationSpec => ({
  name,
  form: "bare",
  description,
  params: [
    {
      name: "value",
      type: { kind: "int", min: -100, max: 100 },
      required: true,
      description: "0 leaves the image unchanged.",
      ...(invalid ? { codes: { invalid } } : {}),
    },
  ],
});

/** `bright` (reference A.2.9). */
export const bright = level("bright", "Change the brightness (−100 darker … 100 brighter).", "0040-00000246");

/** `contrast` (reference A.2.9). */
export const contrast = level("contrast", "Change the contrast (−100 … 100).");

/** `sharpen` (reference A.2.9). */
export const sharpen: OperationSpec = {
  name: "sharpen",
  form: "bare",
  description: "Sharpen; bigger is sharper, 100 is recommended.",
  params: [
    {
      name: "value",
      type: { kind: "int", min: 50, max: 399 },
      required: true,
      description: "Sharpening strength.",
      codes: { invalid: "0040-00000280", missing: "0040-00000279" },
    },
  ],
};
