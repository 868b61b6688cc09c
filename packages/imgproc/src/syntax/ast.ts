/**
 * The typed AST of both style languages: Alibaba Cloud OSS `image/…` and JD Cloud `img/…`.
 *
 * Nodes carry only what was written (optional parameters stay absent rather than being filled with
 * defaults), so `parse(serialize(ast))` deep-equals `ast`. Defaults live in the operation catalogue
 * (`catalogue/`), which the renderer and the console's builder read; positions live in the parse
 * result, not in the nodes, for the same round-trip reason.
 */

/** The nine anchor cells shared by `crop`, `watermark`. */
export type Gravity = "nw" | "north" | "ne" | "west" | "center" | "east" | "sw" | "south" | "se";

/** Six hex digits without `#`, e.g. `FF0000` (kept as written; case is not normalised). */
export type HexColor = string;

export type ResizeMode = "lfit" | "mfit" | "fill" | "pad" | "fixed";

export type ImageFormat = "jpg" | "png" | "webp" | "bmp" | "gif" | "tiff" | "heic" | "avif";

/** `resize`: at least one of w/h/l/s/p (or P inside a watermark's own processing). */
export interface ResizeOp {
  op: "resize";
  m?: ResizeMode;
  w?: number;
  h?: number;
  l?: number;
  s?: number;
  p?: number;
  /** Only inside a watermark image's own processing: size as a percentage of the main image. */
  P?: number;
  limit?: 0 | 1;
  color?: HexColor;
}

export interface CropOp {
  op: "crop";
  w?: number;
  h?: number;
  x?: number;
  y?: number;
  g?: Gravity;
}

export interface IndexCropOp {
  op: "indexcrop";
  x?: number;
  y?: number;
  i?: number;
}

export interface CircleOp {
  op: "circle";
  r: number;
}

export interface RoundedCornersOp {
  op: "rounded-corners";
  r: number;
}

/** Single-value actions are written bare (`rotate,90`); the value is `value`. */
export interface RotateOp {
  op: "rotate";
  value: number;
}

export interface AutoOrientOp {
  op: "auto-orient";
  value: 0 | 1;
}

export interface BlurOp {
  op: "blur";
  r: number;
  s: number;
  g?: "face" | "faces";
  p?: number;
}

export interface BrightOp {
  op: "bright";
  value: number;
}

export interface ContrastOp {
  op: "contrast";
  value: number;
}

export interface SharpenOp {
  op: "sharpen";
  value: number;
}

export interface FormatOp {
  op: "format";
  value: ImageFormat;
}

/** `q` relative to the source quality, `Q` absolute (capped at the source's); at least one. */
export interface QualityOp {
  op: "quality";
  q?: number;
  Q?: number;
}

export interface InterlaceOp {
  op: "interlace";
  value: 0 | 1;
}

/**
 * `watermark`: text, image or both in one action. `text`, `type` and `image` hold the DECODED
 * strings (the URL carries them as unpadded URL-safe Base64); `image` is the object key, optionally
 * followed by its own `?x-oss-process=image/…` (see `splitWatermarkImage`).
 */
export interface WatermarkOp {
  op: "watermark";
  t?: number;
  g?: Gravity;
  x?: number;
  y?: number;
  voffset?: number;
  fill?: 0 | 1;
  padx?: number;
  pady?: number;
  text?: string;
  type?: string;
  color?: HexColor;
  size?: number;
  shadow?: number;
  rotate?: number;
  image?: string;
  order?: 0 | 1;
  align?: 0 | 1 | 2;
  interval?: number;
}

export interface InfoOp {
  op: "info";
}

export interface AverageHueOp {
  op: "average-hue";
}

/** Every Alibaba `image/…` action. */
export type Operation =
  | ResizeOp
  | CropOp
  | IndexCropOp
  | CircleOp
  | RoundedCornersOp
  | RotateOp
  | AutoOrientOp
  | BlurOp
  | BrightOp
  | ContrastOp
  | SharpenOp
  | FormatOp
  | QualityOp
  | InterlaceOp
  | WatermarkOp
  | InfoOp
  | AverageHueOp;

export type OperationName = Operation["op"];

// ---- JD Cloud: actions whose meaning Alibaba has no equivalent for. ----
// JD actions that DO mean the same (s, so, sh, sw, sf, sb, cr, r, fmt, p, q) parse to the Alibaba
// nodes above; see `jd/` for the mapping.

/** `sp/n`: scale both sides to n per mille (n/1000) of the original. */
export interface JdScalePermilleOp {
  op: "jd-sp";
  n: number;
}

/** `sa/n`: keep aspect so that width × height ≈ n pixels. */
export interface JdScaleAreaOp {
  op: "jd-sa";
  n: number;
}

/** `shb`/`swb`: scale to height (width) first, then pad the other side to w×h with `color`. */
export interface JdScalePadOp {
  op: "jd-shb" | "jd-swb";
  w: number;
  h: number;
  color?: HexColor;
}

/** `cc/w/h`: the largest centred rectangle with aspect ratio w:h. */
export interface JdCenterCropOp {
  op: "jd-cc";
  w: number;
  h: number;
}

/** `qf/n`: force output quality n (Alibaba never raises above the source quality). */
export interface JdForceQualityOp {
  op: "jd-qf";
  n: number;
}

/** `o`: return the original, ignoring every other action. */
export interface JdOriginalOp {
  op: "jd-o";
}

/** `ns`: keep metadata (JD strips it by default). */
export interface JdKeepMetadataOp {
  op: "jd-ns";
}

/** `cgif/n`: n = 1 keeps the first 30 frames; n ≥ 2 keeps n evenly spaced frames. */
export interface JdCgifOp {
  op: "jd-cgif";
  n: number;
}

/** `wmt` … : one text watermark; `text` (wt) and `font` (wf) decoded from Base64. */
export interface JdTextWatermarkOp {
  op: "jd-wmt";
  text: string;
  font?: string;
  color?: HexColor;
  position?: number;
  dx?: number;
  dy?: number;
  size?: number;
  rotate?: number;
}

/** `wmi` … : one image watermark; `key` (wk) is the decoded `bucket:object`. */
export interface JdImageWatermarkOp {
  op: "jd-wmi";
  key: string;
  position?: number;
  dx?: number;
  dy?: number;
  opacity?: number;
  size?: number;
}

export type JdOnlyOperation =
  | JdScalePermilleOp
  | JdScaleAreaOp
  | JdScalePadOp
  | JdCenterCropOp
  | JdForceQualityOp
  | JdOriginalOp
  | JdKeepMetadataOp
  | JdCgifOp
  | JdTextWatermarkOp
  | JdImageWatermarkOp;

/** What a JD `img/…` list holds: shared nodes where the meaning is the same, JD-only ones otherwise. */
export type JdOperation = Operation | JdOnlyOperation;

/**
 * One `x-oss-process` value (or JD keyword), parsed.
 * - `image` / `style`: Alibaba (`image/…`, `style/<name>`).
 * - `img` / `imgalias` / `imginfo` / `imgexif`: JD Cloud.
 */
export type Process =
  | { kind: "image"; operations: Operation[] }
  | { kind: "style"; name: string }
  | { kind: "img"; operations: JdOperation[] }
  | { kind: "imgalias"; name: string }
  | { kind: "imginfo"; keepMetadata: boolean }
  | { kind: "imgexif" };

/** Stable machine-readable codes of our own (the OSS `EC` goes in `ossCode` when one is documented). */
export type SyntaxIssueCode =
  | "Empty"
  | "UnknownProcessKind"
  | "UnknownOperation"
  | "UnknownParameter"
  | "DuplicateParameter"
  | "MissingParameter"
  | "MissingValue"
  | "InvalidValue"
  | "OutOfRange"
  | "TooManyValues"
  | "InvalidBase64"
  | "ConflictingParameters"
  | "InvalidStyleName"
  | "UnsupportedPipe"
  | "TooManyActions"
  | "TooLong"
  | "MultipleKeywords"
  | "MissingKeyword"
  | "ForbiddenCharacter"
  | "UnsupportedProcessKind";

/**
 * A positioned problem: `offset`/`length` are UTF-16 indices into the string given to the parser
 * (for `parseProcessQuery`, into the whole query). Errors make the result `ok: false`; warnings
 * (unknown or repeated parameters OSS is believed to ignore) never do.
 */
export interface SyntaxIssue {
  code: SyntaxIssueCode;
  message: string;
  offset: number;
  length: number;
  operation?: string;
  parameter?: string;
  /** Alibaba error code (`EC`, e.g. `0040-00000321`) when the reference names one. */
  ossCode?: string;
}

export type ParseResult<T> =
  | { ok: true; value: T; warnings: SyntaxIssue[] }
  | { ok: false; errors: SyntaxIssue[]; warnings: SyntaxIssue[] };

/** The processing keywords a URL query may carry (JD's eight, and Alibaba's two `x-oss-process` forms). */
export type QueryKeyword =
  | "img"
  | "imgalias"
  | "imginfo"
  | "imgexif"
  | "x-oss-process=img"
  | "x-oss-process=imgalias"
  | "x-oss-process=imginfo"
  | "x-oss-process=imgexif"
  | "x-oss-process=image"
  | "x-oss-process=style";

/**
 * A whole URL query judged by the access rules. `keyword: null` with `ok: true` means no processing
 * keyword was recognised (keys are case-sensitive), so the original image is served.
 */
export type ProcessQueryResult =
  | { ok: true; keyword: QueryKeyword | null; process: Process | null; warnings: SyntaxIssue[] }
  | { ok: false; keyword: QueryKeyword | null; errors: SyntaxIssue[]; warnings: SyntaxIssue[] };
