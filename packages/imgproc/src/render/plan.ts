import type { ImageFormat, JdOperation } from "../syntax/ast.ts";
import type { Source } from "./source.ts";

/**
 * Default JPEG/WebP quality when the style has no `quality` (OSS does not document it). Calibrated
 * on the SDK tests' recorded byte sizes of `image-demo_example.jpg` (img-examples.json):
 * `resize,m_fixed,w_100,h_100` → 3267 B and `sharpen,100` → 23015 B. With sharp's mozjpeg at 4:2:0,
 * quality 81 gives 3228 B and 23522 B (−1.2 %, +2.2 %); 80 gives −4.7 %/+0.8 %, 82 +1.4 %/+3.6 %.
 */
export const DEFAULT_QUALITY = 81;

/** JD Cloud takes a WebP source's quality as 85 (Convert-Format.md); we use the same for Alibaba `q`. */
const WEBP_SOURCE_QUALITY = 85;

/** What the whole chain decides before the first pixel is touched. */
export interface Plan {
  format: ImageFormat;
  /** Keep every frame of an animated source. */
  animated: boolean;
  /**
   * A GIF source is never enlarged, whatever `limit` says and whether or not it stays animated
   * (img-syntax.md A.2.1): `resize,p_200,limit_0` makes it static AND keeps its size.
   */
  neverEnlarge: boolean;
  autoOrient: boolean;
  quality: number;
  progressive: boolean;
  keepMetadata: boolean;
  /** Whether transparent areas end up white (JPEG) — decides fills of rotate and friends. */
  opaque: boolean;
  warnings: string[];
}

// Operations after which an animated GIF stays animated: OSS keeps frames for w/h/l/s resizes and
// crops; `resize,p`, rotate and everything that draws on the image make it static (resize page,
// rotate page). Colour adjustments are per-pixel and keep frames too.
function keepsFrames(op: JdOperation): boolean {
  switch (op.op) {
    case "resize":
      return (
        op.p === undefined ||
        op.w !== undefined ||
        op.h !== undefined ||
        op.l !== undefined ||
        op.s !== undefined
      );
    case "crop":
    case "indexcrop":
    case "format":
    case "quality":
    case "interlace":
    case "auto-orient":
    case "bright":
    case "contrast":
    case "jd-cgif":
    case "jd-ns":
    case "jd-cc":
    case "jd-qf":
      return true;
    default:
      return false;
  }
}

function outputFormat(source: Source, ops: readonly JdOperation[]): ImageFormat {
  let format: ImageFormat = source.format;
  for (const op of ops) {
    // `format,gif` keeps GIF for a GIF source and otherwise keeps the source format (format page).
    if (op.op === "format") format = op.value === "gif" && source.format !== "gif" ? source.format : op.value;
  }
  return format;
}

function quality(source: Source, ops: readonly JdOperation[]): number {
  let result = DEFAULT_QUALITY;
  const sourceQuality = source.quality ?? (source.format === "webp" ? WEBP_SOURCE_QUALITY : undefined);
  for (const op of ops) {
    if (op.op === "quality") {
      // Q (absolute) wins over q; Q never raises above the source. q is relative to the source's
      // quality only for a JPEG source; elsewhere (WebP's 85) it behaves like Q (A.2.11).
      const wanted = op.Q ?? op.q;
      if (wanted === undefined) continue;
      if (op.Q === undefined && source.format === "jpg" && sourceQuality !== undefined)
        result = Math.round((sourceQuality * wanted) / 100);
      else result = Math.min(wanted, sourceQuality ?? wanted);
    } else if (op.op === "jd-qf") {
      result = op.n;
    }
  }
  return Math.max(1, Math.min(100, result));
}

/**
 * Reads the decisions that concern the whole chain: output format, whether frames survive, EXIF
 * orientation, quality and interlacing.
 * @example
 * plan(source, [{ op: "resize", w: 100 }]); // { format: "gif", animated: true, … } for a GIF source
 */
export function plan(source: Source, ops: readonly JdOperation[]): Plan {
  const warnings: string[] = [];
  const format = outputFormat(source, ops);
  const multiFrame = source.frames > 1;
  const animated = multiFrame && (format === "gif" || format === "webp") && ops.every(keepsFrames);
  if (multiFrame && !animated) {
    warnings.push(`The animated source becomes a still image (the first of its ${source.frames} frames).`);
  }
  // auto-orient applies once, before everything, wherever written; the last one written decides.
  let autoOrient = true;
  let progressive = false;
  let keepMetadata = false;
  for (const op of ops) {
    if (op.op === "auto-orient") autoOrient = op.value === 1;
    if (op.op === "interlace") progressive = op.value === 1;
    if (op.op === "jd-ns") keepMetadata = true;
  }
  if (format === "heic") {
    warnings.push("HEIC is encoded with AV1 here (sharp cannot encode HEVC); OSS returns HEVC-coded HEIC.");
  }
  return {
    format,
    animated,
    neverEnlarge: source.format === "gif",
    autoOrient,
    quality: quality(source, ops),
    progressive,
    keepMetadata,
    opaque: format === "jpg",
    warnings,
  };
}
