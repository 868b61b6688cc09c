import type { OperationSpec } from "../catalogue/types.ts";

/** The output formats OSS writes (reference A.2.10; `jpeg` is not one of them). */
export const FORMATS = ["jpg", "png", "webp", "bmp", "gif", "tiff", "heic", "avif"] as const;

/** `format` (reference A.2.10). */
export const format: OperationSpec = {
  name: "format",
  form: "bare",
  description: "Convert the output format (gif keeps the source format unless the source is GIF).",
  params: [
    {
      name: "value",
      type: { kind: "enum", values: FORMATS },
      required: true,
      description: "Output format.",
      codes: { invalid: "0040-00000206", missing: "0040-00000207" },
    },
  ],
};

/** `quality` (reference A.2.11). */
export const quality: OperationSpec = {
  name: "quality",
  form: "keyed",
  description: "JPEG/WebP quality: q relative to the source's, Q absolute (never above the source's).",
  params: [
    {
      name: "q",
      type: { kind: "int", min: 1, max: 100 },
      description: "Relative quality: source quality × q%.",
      codes: { invalid: "0040-00000309" },
    },
    {
      name: "Q",
      type: { kind: "int", min: 1, max: 100 },
      description: "Absolute quality, capped at the source's own quality.",
      codes: { invalid: "0040-00000308" },
    },
  ],
  constraints: ["One of q or Q is required; when both are given, Q wins."],
  bareValueCode: "0040-00000310",
  check(node, report) {
    if (node.q === undefined && node.Q === undefined) {
      report.error({
        code: "MissingParameter",
        message: "`quality` needs `q` or `Q`",
        ossCode: "0040-00000307",
      });
    } else if (node.q !== undefined && node.Q !== undefined) {
      report.warning({
        code: "ConflictingParameters",
        parameter: "q",
        message: "`q` of `quality` is ignored because `Q` is given (Q wins)",
      });
    }
  },
};

/** `interlace` (reference A.2.12). */
export const interlace: OperationSpec = {
  name: "interlace",
  form: "bare",
  description: "1: progressive JPEG; 0: baseline. Only affects JPEG output.",
  params: [
    {
      name: "value",
      type: { kind: "flag", values: [0, 1] },
      required: true,
      description: "1 progressive, 0 baseline.",
      codes: { invalid: "0040-00000282" },
    },
  ],
};
