/**
 * `@style-console/imgproc/render`: renders an OSS (or JD Cloud) image-processing style on Node with
 * sharp, the way OSS would serve it. Untrusted input is bounded by the OSS limits, a byte limit and
 * a time limit; every failure is a RenderError with the HTTP status and OSS code to answer with.
 */
import type { JdOperation, Process } from "../syntax/ast.ts";
import { cpuMeter } from "./cpu-meter.ts";
import { CONTENT_TYPES, encode } from "./encode.ts";
import { RenderError, translate } from "./error.ts";
import { LIMITS } from "./limits.ts";
import { averageHue, jdImgExif, jdImgInfo, ossInfo } from "./metadata/index.ts";
import type { OpContext } from "./ops/context.ts";
import { toProcess, validated } from "./parse.ts";
import { runOperations } from "./pipeline.ts";
import { plan } from "./plan.ts";
import { probe, type Source } from "./source.ts";
import type { FontFace } from "./watermark/fonts.ts";
import { renderMark } from "./watermark/nested.ts";
import { type Budget, open } from "./work.ts";

export {
  describeOperation,
  estimateDecodeMemory,
  estimateRenderMemory,
  type MemoryEstimate,
} from "./cost/estimate.ts";
export { type ImageHeader, probeHeader } from "./cost/header.ts";
export { setRenderThreads } from "./decoder.ts";
export { isRenderError, RenderError } from "./error.ts";
export {
  decodeAll,
  describeImage,
  type ImageDescription,
  SIMILARITY_GRID,
  SIMILARITY_METHOD,
  similarity,
  thumbnailWebp,
} from "./inspect.ts";
export { estimateJpegQuality } from "./jpeg-quality.ts";
export { LIMITS } from "./limits.ts";
export { DEFAULT_FONTS, type FontFace } from "./watermark/fonts.ts";
export { fontsFingerprint } from "./watermark/glyphs.ts";

export interface RenderOptions {
  /** Loads a watermark image (`watermark,image_…`: the object key; JD `wmi`: `bucket:object`). */
  resolveImage?(key: string): Promise<Uint8Array>;
  /** Loads a saved style's content (`style/<name>`, JD `imgalias/<name>`); without it styles are refused. */
  resolveStyle?(name: string): Promise<string>;
  signal?: AbortSignal;
  /**
   * The render's CPU-time limit (default 20 s): its share of the process's CPU time (`cpu-meter.ts`),
   * so a loaded machine does not make an image too expensive. Past it: `ProcessTimeout`, `limit: "cpu"`.
   */
  timeoutMs?: number;
  /**
   * Wall-clock backstop (default 3 × `timeoutMs`): past it the render stops whatever its CPU time,
   * `ProcessTimeout` with `limit: "wall"` (busy, not too expensive).
   */
  wallTimeoutMs?: number;
  /** Source byte limit (default 20 MB, the OSS limit). */
  maxInputBytes?: number;
  /** OSS font name → face, overriding DEFAULT_FONTS (e.g. `{ "fangzhengkaiti": { family, file } }`). */
  fonts?: Record<string, FontFace>;
}

export interface RenderInfo {
  /** Image format (`jpg`, `png`, …) or `json` for info, average-hue, imginfo and imgexif. */
  format: string;
  width: number;
  height: number;
  frames: number;
  bytes: number;
}

export interface RenderResult {
  data: Buffer;
  info: RenderInfo;
  contentType: string;
  /** Where the preview differs from OSS (substituted fonts, dropped frames, AV1 for HEIC…). */
  warnings: string[];
}

function json(body: unknown, warnings: string[]): RenderResult {
  const data = Buffer.from(JSON.stringify(body));
  return {
    data,
    info: { format: "json", width: 0, height: 0, frames: 0, bytes: data.length },
    contentType: "application/json",
    warnings,
  };
}

function original(source: Source, warnings: string[]): RenderResult {
  const { bytes, format, width, height, frames } = source;
  return {
    data: bytes,
    info: { format, width, height, frames, bytes: bytes.length },
    contentType: CONTENT_TYPES[format],
    warnings,
  };
}

async function operationsOf(
  process: Process,
  options: RenderOptions,
  signal: AbortSignal,
): Promise<JdOperation[] | Process> {
  if (process.kind === "image" || process.kind === "img") return process.operations;
  if (process.kind === "style" || process.kind === "imgalias") {
    if (!options.resolveStyle) {
      throw new RenderError(400, "InvalidArgument", `The style "${process.name}" cannot be resolved here.`);
    }
    const text = await options.resolveStyle(process.name);
    signal.throwIfAborted();
    const content = toProcess(text);
    if (!content || (content.kind !== "image" && content.kind !== "img")) {
      throw new RenderError(
        400,
        "InvalidArgument",
        `The style "${process.name}" does not hold image processing.`,
      );
    }
    return content.operations;
  }
  return process;
}

async function renderUnbounded(
  input: Uint8Array,
  process: string | Process,
  options: RenderOptions,
  budget: Budget,
  onEncode: (format: string) => void = () => {},
): Promise<RenderResult> {
  const parsed = typeof process === "string" ? toProcess(process) : validated(process);
  const source = await probe(input, options.maxInputBytes ?? LIMITS.maxInputBytes);
  if (!parsed) return original(source, []);
  const ops = await operationsOf(parsed, options, budget.signal);
  if (!Array.isArray(ops)) {
    return ops.kind === "imgexif" ? json(jdImgExif(source), []) : json(jdImgInfo(source), []);
  }
  if (ops.some((op) => op.op === "jd-o")) return original(source, []);
  if (ops.some((op) => op.op === "info")) return json(ossInfo(source), []);
  const decided = plan(source, ops);
  const warnings = [...decided.warnings];
  const ctx: OpContext = {
    source,
    plan: decided,
    deadline: budget.deadline,
    cpu: budget.cpu,
    signal: budget.signal,
    pending: budget.pending,
    warnings,
    resolveImage: options.resolveImage,
    fonts: options.fonts,
    renderMark: (bytes, nested, mainWidth, mainHeight, formats) =>
      renderMark(bytes, nested, {
        mainWidth,
        mainHeight,
        formats,
        deadline: budget.deadline,
        cpu: budget.cpu,
        signal: budget.signal,
        maxInputBytes: options.maxInputBytes,
      }),
  };
  const hue = ops.findIndex((op) => op.op === "average-hue");
  const chain = hue >= 0 ? ops.slice(0, hue) : ops;
  const work = await runOperations(open(source, decided), chain, ctx);
  if (hue >= 0) return json(await averageHue(work, budget), warnings);
  onEncode(decided.format);
  const { data, info } = await encode(work, decided, source, budget);
  return { data, info, contentType: CONTENT_TYPES[info.format], warnings };
}

/**
 * Renders `process` (an `image/…` or `img/…` string, a `?x-oss-process=…` query, or a parsed
 * Process) on `input` as OSS would. Throws only RenderError.
 * @example
 * const { data, info, contentType } = await render(bytes, "image/resize,w_200/format,webp");
 * // info: { format: "webp", width: 200, height: 133, frames: 1, bytes: 5120 }
 */
export async function render(
  input: Uint8Array,
  process: string | Process,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const timeoutMs = options.timeoutMs ?? LIMITS.timeoutMs;
  const wallTimeoutMs = options.wallTimeoutMs ?? 3 * timeoutMs;
  // The race below answers the caller on time; the controller stops the chain itself, which would
  // otherwise go on resolving watermarks and running sharp for nobody.
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const budget: Budget = { deadline: Date.now() + wallTimeoutMs, signal, pending: [] };
  let encoding: string | undefined;
  // What was running: the staged actions, or the encoder once they are all run.
  const running = () => {
    const pending = budget.pending?.join("/") ?? "";
    if (encoding !== undefined) return pending ? `${pending}/encode ${encoding}` : `encode ${encoding}`;
    return pending || "decode";
  };
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    const expire = (limit: "cpu" | "wall") => {
      const error = new RenderError(503, "ProcessTimeout", "Image processing took too long.");
      error.operation = running();
      error.limit = limit;
      controller.abort(error);
      reject(error);
    };
    budget.cpu = cpuMeter.start(timeoutMs, () => expire("cpu"));
    timer = setTimeout(() => expire("wall"), wallTimeoutMs);
    onAbort = () => reject(new RenderError(499, "RequestAborted", "The render was aborted."));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const onEncode = (format: string) => {
      encoding = format;
    };
    return await Promise.race([renderUnbounded(input, process, options, budget, onEncode), stop]);
  } catch (error) {
    const translated = translate(error);
    if (translated.code === "ProcessTimeout") {
      translated.operation ??= running();
      // libvips stopped a pipeline by its own (wall) timeout: too expensive only if the CPU time is
      // (nearly: the meter ticks every 50 ms) spent; otherwise the machine was too slow for it now.
      budget.cpu?.stop();
      translated.limit ??= (budget.cpu?.usedMs ?? 0) >= 0.9 * timeoutMs ? "cpu" : "wall";
    }
    throw translated;
  } finally {
    budget.cpu?.stop();
    clearTimeout(timer);
    controller.abort();
    if (onAbort) options.signal?.removeEventListener("abort", onAbort);
  }
}
