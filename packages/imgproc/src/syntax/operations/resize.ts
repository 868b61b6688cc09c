import type { OperationSpec, ParamSpec } from "../catalogue/types.ts";

const side = (name: string, description: string, codes?: ParamSpec["codes"]): ParamSpec => ({
  name,
  type: { kind: "int", min: 1, max: 16384 },
  description,
  ...(codes ? { codes } : {}),
});

const SIZES = ["w", "h", "l", "s", "p", "P"];

/** `resize` (reference A.2.1). */
export const resize: OperationSpec = {
  name: "resize",
  form: "keyed",
  description: "Scale the image by a box (w/h), a long or short side (l/s) or a percentage (p).",
  params: [
    {
      name: "m",
      type: { kind: "enum", values: ["lfit", "mfit", "fill", "pad", "fixed"] },
      default: "lfit",
      description:
        "lfit: fit inside w×h; mfit: cover w×h; fill: cover then centre-crop; pad: fit then pad to w×h; fixed: stretch.",
      codes: { invalid: "0040-00000311" },
    },
    side("w", "Target width in pixels.", { zero: "0040-00000321" }),
    side("h", "Target height in pixels.", { zero: "0040-00000321" }),
    side("l", "Target of the long side (the side with the larger source/target ratio).", {
      invalid: "0040-00000314",
    }),
    side("s", "Target of the short side."),
    {
      name: "p",
      type: { kind: "int", min: 1, max: 1000 },
      description: "Scale to p percent (<100 shrinks).",
    },
    {
      name: "P",
      type: { kind: "int", min: 1, max: 100 },
      description: "Watermark size as a percentage of the main image (only in a watermark's own processing).",
      watermarkOnly: true,
    },
    {
      name: "limit",
      type: { kind: "flag", values: [0, 1] },
      default: 1,
      description: "1: never enlarge (a larger target keeps the source size); 0: allow enlarging.",
      codes: { invalid: "0040-00000319" },
    },
    {
      name: "color",
      type: { kind: "color" },
      default: "FFFFFF",
      description: "Fill colour of the padding with m_pad.",
    },
  ],
  constraints: [
    "At least one of w, h, l, s, p is required.",
    "When w or h is given, l and s are ignored; when w/h/l/s is given, p is ignored.",
    "color only matters with m_pad.",
  ],
  check(node, report) {
    if (SIZES.every((k) => node[k] === undefined)) {
      report.error({
        code: "MissingParameter",
        message: "`resize` needs at least one of `w`, `h`, `l`, `s`, `p`",
        ossCode: "0040-00000322",
      });
      return;
    }
    const box = node.w !== undefined || node.h !== undefined;
    for (const k of ["l", "s"]) {
      if (box && node[k] !== undefined) {
        report.warning({
          code: "ConflictingParameters",
          parameter: k,
          message: `\`${k}\` of \`resize\` is ignored because \`w\` or \`h\` is given`,
        });
      }
    }
    if (node.p !== undefined && (box || node.l !== undefined || node.s !== undefined)) {
      report.warning({
        code: "ConflictingParameters",
        parameter: "p",
        message: "`p` of `resize` is ignored because a size (`w`, `h`, `l` or `s`) is given",
      });
    }
    if (node.color !== undefined && node.m !== "pad") {
      report.warning({
        code: "ConflictingParameters",
        parameter: "color",
        message: "`color` of `resize` only has an effect with `m_pad`",
      });
    }
  },
};
