import type { Metadata } from "sharp";
import type { JdOperation, Process } from "../../syntax/ast.ts";
import { serializeOperation } from "../../syntax/index.ts";
import { jdTokens } from "../../syntax/serialize/jd.ts";
import { RenderError } from "../error.ts";
import { LIMITS } from "../limits.ts";
import { centerRect, cropRect, indexRect } from "../ops/crop.ts";
import { resizeTarget } from "../ops/resize.ts";
import { toProcess, validated } from "../parse.ts";
import { plan } from "../plan.ts";
import type { Source } from "../source.ts";
import type { ImageHeader } from "./header.ts";

/**
 * Memory a render needs at its peak, estimated from the header and the chain, and the step at that
 * peak. Pixel memory only: what libvips and the decoders allocate for this render, plus a fixed
 * allowance for libvips' per-thread buffers. The model (calibrated in `bench/memory.bench.ts`):
 *
 * - decoding holds nothing but a few lines for baseline JPEG, non-interlaced PNG and TIFF strips;
 *   the whole frame for WebP (libwebp decodes to RGBA, 4 bytes a pixel), GIF (an RGBA canvas and the
 *   previous one, for disposal), progressive JPEG (16-bit DCT coefficients), interlaced PNG, HEIF and
 *   AVIF (planes and RGB) and BMP (decoded by the package, then copied into libvips);
 * - every action after the first may materialise its input (`settle`, see work.ts): its raw pixels
 *   (width × height × bands × frames) stay alive while the next result is written;
 * - turning an image (EXIF orientation, `rotate`) and the masks of `circle`/`rounded-corners` hold a
 *   whole copy; WebP, GIF, HEIF/AVIF and BMP encoders hold the whole output.
 */
export interface MemoryEstimate {
  /** Peak bytes. */
  bytes: number;
  /** The step at the peak: `decode`, an action as written (`blur,r_3,s_2`) or `encode webp`. */
  step: string;
}

const MB = 1024 * 1024;
/** libvips' per-thread tiles and line buffers, the encoder's output, the operation cache's share. */
const FIXED = 24 * MB;
/** Allocator slack over the pixel bytes counted (glibc arenas, libvips' tile caches). */
const MARGIN = 1.2;

/** Bytes the decoder holds for one pass over `frames` frames of the source. */
function decoderBytes(h: ImageHeader, frames: number): number {
  const frame = h.width * h.height;
  switch (h.format) {
    case "jpg":
      return h.progressive ? frame * h.bands * 2 : 0;
    case "png":
      return h.progressive ? frame * h.bands * 2 : 0;
    case "webp":
      return frame * 4 * Math.min(frames, 2);
    case "gif":
      return frame * 4 * 2;
    case "tiff":
      return frame * h.bands;
    case "heic":
    case "avif":
      return frame * h.bands * 2;
    case "bmp":
      return frame * h.bands * 2 + h.bytes;
  }
}

/**
 * Bytes the encoder holds. Animated GIF and WebP encode frame by frame; still WebP holds the whole
 * picture (measured: 4 bytes a pixel opaque, about 20 with alpha, which libwebp encodes as its own
 * plane); HEIF/AVIF and BMP hold whole copies; JPEG, PNG and TIFF stream.
 */
function encoderBytes(format: string, pixels: number, frames: number, bands: number): number {
  const alpha = bands === 2 || bands === 4;
  switch (format) {
    case "webp":
      return frames > 1 ? pixels * 4 * 3 : pixels * (alpha ? 20 : 4);
    case "gif":
      return pixels * 4 * 2;
    case "heic":
    case "avif":
      return pixels * frames * bands * 4;
    case "bmp":
      return pixels * bands * 2;
    default:
      return 0;
  }
}

/** The action as written, for messages: `blur,r_3,s_2`, JD `s/200`. */
export function describeOperation(op: JdOperation): string {
  if (op.op.startsWith("jd-")) return jdTokens(op) ?? op.op;
  return serializeOperation(op as Parameters<typeof serializeOperation>[0]);
}

/** The size an action leaves, as far as it can be known without decoding. */
function sizeAfter(op: JdOperation, w: number, h: number, neverEnlarge: boolean): [number, number] {
  const rect = (r: { width: number; height: number } | undefined): [number, number] =>
    r ? [Math.min(r.width, w), Math.min(r.height, h)] : [w, h];
  try {
    switch (op.op) {
      case "resize": {
        const target = resizeTarget(w, h, op, neverEnlarge);
        return target ? [target.width, target.height] : [w, h];
      }
      case "crop":
        return rect(cropRect(w, h, op));
      case "indexcrop":
        return rect(indexRect(w, h, op));
      case "jd-cc":
        return rect(centerRect(w, h, op));
      case "rotate": {
        const a = ((op.value % 360) * Math.PI) / 180;
        const cos = Math.abs(Math.cos(a));
        const sin = Math.abs(Math.sin(a));
        return [Math.ceil(w * cos + h * sin), Math.ceil(w * sin + h * cos)];
      }
      case "jd-sp":
      case "jd-sa":
      case "jd-shb":
      case "jd-swb": {
        // JD scales: at most the output limit, or the current size.
        const bound = Math.max(w * h, LIMITS.maxOutputPixels);
        return w * h >= bound ? [w, h] : [Math.ceil(Math.sqrt(bound)), Math.ceil(Math.sqrt(bound))];
      }
      default:
        return [w, h];
    }
  } catch (error) {
    // The render refuses this action with the same error; the estimate leaves that to it.
    if (error instanceof RenderError) return [w, h];
    throw error;
  }
}

// Actions that hold a whole copy of their input besides the pipeline (libvips turns need random access;
// the masks are drawn at full size).
const HOLDS_COPY = new Set(["rotate", "circle", "rounded-corners", "jd-wmt", "jd-wmi", "watermark"]);

function operations(process: string | Process): JdOperation[] | undefined {
  const parsed = typeof process === "string" ? toProcess(process) : validated(process);
  if (!parsed) return [];
  if (parsed.kind === "image" || parsed.kind === "img") return parsed.operations;
  return undefined;
}

function asSource(h: ImageHeader): Source {
  return {
    bytes: Buffer.alloc(0),
    format: h.format,
    width: h.width,
    height: h.height,
    frames: h.frames,
    orientation: h.orientation,
    hasAlpha: h.bands === 2 || h.bands === 4,
    quality: undefined,
    metadata: {} as Metadata,
  };
}

/**
 * The peak memory of rendering `process` on the image whose header is `header`, from the header
 * only. `process` is what `render` takes, with saved styles already resolved (a `style/…` or JD
 * `imgalias` is estimated as the worst a chain can do: a whole decoded copy of every frame).
 * Syntax errors throw the RenderError `render` would throw.
 * @example
 * estimateRenderMemory(await probeHeader(bytes), "image/blur,r_3,s_2");
 * // { bytes: 1_653_000_000, step: "blur,r_3,s_2" } for a 15000×15000 WebP
 */
export function estimateRenderMemory(header: ImageHeader, process: string | Process): MemoryEstimate {
  const ops = operations(process);
  const source = asSource(header);
  let peak: MemoryEstimate = { bytes: 0, step: "decode" };
  const at = (bytes: number, step: string) => {
    const total = Math.ceil(bytes * MARGIN) + FIXED;
    if (total > peak.bytes) peak = { bytes: total, step };
  };
  if (ops === undefined) {
    const all = header.width * header.height * header.frames;
    at(decoderBytes(header, header.frames) + all * 4 * 2, "decode");
    return peak;
  }
  if (ops.some((op) => op.op === "info" || op.op === "jd-o")) {
    at(0, "decode");
    return peak;
  }
  const decided = plan(source, ops);
  const frames = decided.animated ? header.frames : 1;
  let bands = Math.max(header.bands, 3);
  let [w, h] = [header.width, header.height];
  const live = decoderBytes(header, frames);
  at(live, "decode");
  if (decided.autoOrient && header.orientation >= 2) {
    at(live + w * h * bands * frames, "auto-orient");
    if (header.orientation >= 5) [w, h] = [h, w];
  }
  // What is held while an action runs: the raw pixels of the previous action's result, which the next
  // action may materialise (settle, work.ts) — except after the last one, whose result streams into
  // the encoder.
  let held = 0;
  ops.forEach((op, index) => {
    const input = w * h * bands * frames;
    if (HOLDS_COPY.has(op.op)) bands = 4;
    [w, h] = sizeAfter(op, w, h, decided.neverEnlarge);
    const last = index === ops.length - 1;
    const output = last ? 0 : w * h * bands * frames;
    const copy = HOLDS_COPY.has(op.op) ? Math.max(input, w * h * bands * frames) : 0;
    at(live + held + copy + output, describeOperation(op));
    held = output;
  });
  // The decoder's buffer may live as long as the pipeline it feeds, which can reach the encoder.
  at(live + held + encoderBytes(decided.format, w * h, frames, bands), `encode ${decided.format}`);
  return peak;
}

/**
 * The peak memory of decoding every pixel of every frame once, through a pipeline that keeps nothing
 * (the upload check: truncated or corrupt data is found only by decoding to the end).
 * @example
 * estimateDecodeMemory(await probeHeader(gifBytes)); // { bytes: 32_000_000, step: "decode" }
 */
export function estimateDecodeMemory(header: ImageHeader): MemoryEstimate {
  return { bytes: Math.ceil(decoderBytes(header, header.frames) * MARGIN) + FIXED, step: "decode" };
}
