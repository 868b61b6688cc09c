import type { ParamType } from "../catalogue/types.ts";

/** One positional value of a JD action, or one `w*` parameter of a watermark. */
export interface JdParamSpec {
  name: string;
  type: ParamType;
  description: string;
  /** A trailing value that may be left out (the `_RRGGBB` fill of sb/shb/swb). */
  optional?: boolean;
  default?: string | number;
}

export interface JdActionSpec {
  code: string;
  description: string;
  params: readonly JdParamSpec[];
  /** For `wmt`/`wmi`: the `w*` tokens that configure the watermark, each followed by one value. */
  options?: readonly (JdParamSpec & { required?: boolean })[];
}

const side = (name: string): JdParamSpec => ({
  name,
  type: { kind: "int", min: 1, max: 9999 },
  description: name === "w" ? "Width." : "Height.",
});
const fill: JdParamSpec = {
  name: "color",
  type: { kind: "color" },
  optional: true,
  default: "FFFFFF",
  description: "Fill colour `_RRGGBB` or `_RGB`.",
};
const int = (name: string, min: number, max: number, description: string, d?: number): JdParamSpec => ({
  name,
  type: { kind: "int", min, max },
  description,
  ...(d === undefined ? {} : { default: d }),
});
const place = [
  int("wp", 1, 9, "Position in the 3×3 grid, 1–9 row by row from the top left.", 1),
  int("wdx", -9999, 9999, "X offset from the default position.", 0),
  int("wdy", -9999, 9999, "Y offset from the default position.", 0),
];

/** The JD Cloud `img/…` action codes (reference B.2), in the order the reference lists them. */
export const jdActions: readonly JdActionSpec[] = [
  { code: "s", description: "Fit inside w×h, keeping the aspect ratio.", params: [side("w"), side("h")] },
  { code: "so", description: "Cover w×h, keeping the aspect ratio.", params: [side("w"), side("h")] },
  { code: "sh", description: "Set the height; the width follows.", params: [side("h")] },
  { code: "sw", description: "Set the width; the height follows.", params: [side("w")] },
  {
    code: "sp",
    description: "Scale both sides to n per mille.",
    params: [int("n", 1, 1000, "Per mille of the original.")],
  },
  { code: "sf", description: "Stretch to exactly w×h.", params: [side("w"), side("h")] },
  {
    code: "sa",
    description: "Keep the aspect ratio with about n pixels in all.",
    params: [int("n", 1, 100000000, "Pixel count.")],
  },
  { code: "sb", description: "Fit inside w×h, then pad to w×h.", params: [side("w"), side("h"), fill] },
  {
    code: "shb",
    description: "Scale to height h, then pad the width to w.",
    params: [side("w"), side("h"), fill],
  },
  {
    code: "swb",
    description: "Scale to width w, then pad the height to h.",
    params: [side("w"), side("h"), fill],
  },
  {
    code: "cc",
    description: "Largest centred rectangle with aspect ratio w:h.",
    params: [side("w"), side("h")],
  },
  {
    code: "cr",
    description: "Rectangle of w×h at (x, y), clipped to the image.",
    params: [side("w"), side("h"), int("x", 0, 9999, "X offset."), int("y", 0, 9999, "Y offset.")],
  },
  {
    code: "r",
    description: "Rotate clockwise; 0 = by EXIF, 360 = keep as stored.",
    params: [int("n", 0, 360, "Degrees.")],
  },
  {
    code: "fmt",
    description: "Convert the format.",
    params: [
      {
        name: "format",
        type: { kind: "enum", values: ["jpg", "png", "webp", "bmp", "gif"] },
        description: "Output format.",
      },
    ],
  },
  { code: "p", description: "Progressive JPEG.", params: [] },
  {
    code: "q",
    description: "Cap the quality at n (WebP sources count as 85).",
    params: [int("n", 0, 100, "Quality cap.")],
  },
  { code: "qf", description: "Force the quality to n.", params: [int("n", 0, 100, "Quality.")] },
  { code: "o", description: "Return the original, ignoring every other action.", params: [] },
  { code: "ns", description: "Keep the metadata (stripped by default).", params: [] },
  {
    code: "cgif",
    description: "GIF: 1 keeps the first 30 frames; n ≥ 2 keeps n evenly spaced frames.",
    params: [int("n", 1, 100, "Frames.")],
  },
  {
    code: "wmt",
    description: "Text watermark, configured by the w* tokens that follow.",
    params: [],
    options: [
      {
        name: "wt",
        type: { kind: "base64", maxChars: 16 },
        required: true,
        description: "Text (Base64 of UTF-8, ≤ 16 characters).",
      },
      {
        name: "wf",
        type: { kind: "base64" },
        description: "Font (Base64; only Simsun is offered).",
        default: "Simsun",
      },
      { name: "wc", type: { kind: "color" }, description: "Colour `_RRGGBB`.", default: "FFFFFF" },
      ...place,
      int("ws", 0, 1000, "Size in per mille of the image area.", 30),
      int("wr", 0, 360, "Clockwise rotation.", 0),
    ],
  },
  {
    code: "wmi",
    description: "Image watermark, configured by the w* tokens that follow.",
    params: [],
    options: [
      {
        name: "wk",
        type: { kind: "base64" },
        required: true,
        description: "`bucket:object` of the watermark (Base64).",
      },
      ...place,
      int("wd", 0, 100, "Opacity (0 invisible, 100 opaque).", 100),
      int("ws", 0, 1000, "Size in per mille of the image area.", 30),
    ],
  },
];

export const jdActionByCode = new Map(jdActions.map((a) => [a.code, a]));

/** Every `w*` token a watermark understands, to tell a stray one from an unknown action. */
export const JD_WATERMARK_OPTIONS = new Set(jdActions.flatMap((a) => (a.options ?? []).map((o) => o.name)));

/** The documented limits of the JD syntax (reference B.1). */
export const JD_MAX_ACTIONS = 100;
export const JD_MAX_BYTES = 1024;
