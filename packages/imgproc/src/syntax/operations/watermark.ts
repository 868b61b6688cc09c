import { GRAVITIES, type OperationSpec, type ParamSpec } from "../catalogue/types.ts";

/** Fonts OSS offers for text watermarks (reference A.2.13), as decoded names. */
export const WATERMARK_FONTS = [
  "wqy-zenhei",
  "wqy-microhei",
  "fangzhengshusong",
  "fangzhengkaiti",
  "fangzhengheiti",
  "fangzhengfangsong",
  "droidsansfallback",
] as const;

const int = (name: string, min: number, max: number, extra: Omit<ParamSpec, "name" | "type">): ParamSpec => ({
  name,
  type: { kind: "int", min, max },
  ...extra,
});

/** `watermark`: text, image, or both (reference A.2.13). */
export const watermark: OperationSpec = {
  name: "watermark",
  form: "keyed",
  description: "Draw a text and/or image watermark at an anchor, or tile it across the image.",
  params: [
    int("t", 0, 100, { default: 100, description: "Opacity in percent (100 = opaque)." }),
    { name: "g", type: { kind: "enum", values: GRAVITIES }, default: "se", description: "Anchor cell." },
    int("x", 0, 4096, {
      default: 10,
      description: "Horizontal margin.",
      codes: { invalid: "0040-00000262" },
    }),
    int("y", 0, 4096, { default: 10, description: "Vertical margin.", codes: { invalid: "0040-00000264" } }),
    int("voffset", -1000, 1000, {
      default: 0,
      description: "Vertical shift from the middle line (west/center/east only).",
      codes: { invalid: "0040-00000268" },
    }),
    {
      name: "fill",
      type: { kind: "flag", values: [0, 1] },
      default: 0,
      description: "1: tile the watermark across the image.",
      codes: { invalid: "0040-00000274" },
    },
    int("padx", 0, 4096, {
      default: 0,
      description: "Horizontal gap between tiles.",
      codes: { invalid: "0040-00000276" },
    }),
    int("pady", 0, 4096, { default: 0, description: "Vertical gap between tiles." }),
    {
      name: "text",
      type: { kind: "base64", maxChars: 64 },
      description: "Text to draw (URL-safe Base64 of UTF-8; at most 64 characters).",
      codes: { invalid: "0040-00000259" },
    },
    {
      name: "type",
      type: { kind: "base64", values: WATERMARK_FONTS },
      default: "wqy-zenhei",
      description: "Font name (URL-safe Base64).",
    },
    { name: "color", type: { kind: "color" }, default: "000000", description: "Text colour." },
    int("size", 1, 1000, {
      default: 40,
      description: "Font size in pixels.",
      codes: { invalid: "0040-00000256" },
    }),
    int("shadow", 0, 100, {
      default: 0,
      description: "Shadow opacity.",
      codes: { invalid: "0040-00000255" },
    }),
    int("rotate", 0, 360, {
      default: 0,
      description: "Clockwise text rotation in degrees.",
      codes: { invalid: "0040-00000272" },
    }),
    {
      name: "image",
      type: { kind: "base64" },
      description:
        "Object key of the watermark image in the same bucket, optionally with ?x-oss-process=image/… .",
    },
    {
      name: "order",
      type: { kind: "flag", values: [0, 1] },
      default: 0,
      description: "With text and image: 0 image first, 1 text first.",
    },
    {
      name: "align",
      type: { kind: "flag", values: [0, 1, 2] },
      default: 2,
      description: "With text and image: align text to the image's top (0), middle (1) or bottom (2).",
      codes: { invalid: "0040-00000271" },
    },
    int("interval", 0, 1000, {
      default: 0,
      description: "With text and image: gap between them.",
      codes: { invalid: "0040-00000270" },
    }),
  ],
  constraints: [
    "text or image is required.",
    "padx and pady only apply with fill_1.",
    "order, align and interval only apply when both text and image are given.",
  ],
  check(node, report) {
    if (node.text === undefined && node.image === undefined) {
      report.error({
        code: "MissingParameter",
        message: "`watermark` needs `text` or `image`",
        ossCode: "0040-00000278",
      });
      return;
    }
    for (const k of ["padx", "pady"]) {
      if (node[k] !== undefined && node.fill !== 1) {
        report.warning({
          code: "ConflictingParameters",
          parameter: k,
          message: `\`${k}\` of \`watermark\` only has an effect with \`fill_1\``,
        });
      }
    }
    const both = node.text !== undefined && node.image !== undefined;
    for (const k of ["order", "align", "interval"]) {
      if (node[k] !== undefined && !both) {
        report.warning({
          code: "ConflictingParameters",
          parameter: k,
          message: `\`${k}\` of \`watermark\` only has an effect with both \`text\` and \`image\``,
        });
      }
    }
  },
};

const PROCESS_MARK = "?x-oss-process=";

/**
 * Splits a decoded watermark `image` into its object key and its own processing (if any).
 * @example
 * splitWatermarkImage("panda.png?x-oss-process=image/resize,P_30");
 * // { key: "panda.png", process: "image/resize,P_30" }
 */
export function splitWatermarkImage(image: string): { key: string; process?: string } {
  const at = image.indexOf(PROCESS_MARK);
  if (at < 0) return { key: image };
  return { key: image.slice(0, at), process: image.slice(at + PROCESS_MARK.length) };
}

/**
 * ECs of the OSS error-code pages for an action refused inside a watermark image's own processing:
 * 0040-00000373 "nested watermarking" (`…?x-oss-process=image/watermark,…`) and 0040-00000374
 * (`…?x-oss-process=image/info`). The page for a pipe (`|`) there documents the error without a
 * number readable to us, so that issue carries none rather than a guessed one.
 */
export const WATERMARK_REFUSED_CODES: Readonly<Record<string, string>> = {
  watermark: "0040-00000373",
  info: "0040-00000374",
};

/** Formats a watermark image may have (Add watermarks page, "Limits"); others are EC 0040-00000027. */
export const WATERMARK_IMAGE_FORMATS = ["jpg", "png", "bmp", "webp", "tiff"] as const;

/** Actions a watermark image's own processing may use (reference A.2.13). */
export const WATERMARK_IMAGE_OPERATIONS = [
  "resize",
  "crop",
  "indexcrop",
  "rounded-corners",
  "rotate",
  "auto-orient",
] as const;
