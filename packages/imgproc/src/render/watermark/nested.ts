import type { ImageFormat, JdOperation, Operation } from "../../syntax/ast.ts";
import { parseWatermarkProcess } from "../../syntax/index.ts";
import { RenderError } from "../error.ts";
import type { OpContext } from "../ops/context.ts";
import { runOperations } from "../pipeline.ts";
import { plan } from "../plan.ts";
import { probe } from "../source.ts";
import { type Budget, open, run, secondsLeft } from "../work.ts";
import type { Mark } from "./mark.ts";

/** Parses `image/…` of a watermark image: the restricted action set plus `resize,P_n`. */
function watermarkOperations(process: string): Operation[] {
  const result = parseWatermarkProcess(process);
  if (result.ok) return result.value;
  const [first] = result.errors;
  const message = `Watermark image processing: ${first?.message ?? "invalid"}`;
  throw new RenderError(400, "WatermarkError", message, first?.ossCode);
}

/** `resize,P_n` inside a watermark: a box n % of the main image's sides. */
function withMainSize(op: JdOperation, mainWidth: number, mainHeight: number): JdOperation {
  if (op.op !== "resize" || op.P === undefined) return op;
  const w = Math.max(1, Math.round((mainWidth * op.P) / 100));
  const h = Math.max(1, Math.round((mainHeight * op.P) / 100));
  return { op: "resize", m: "lfit", w, h, limit: 0 };
}

/**
 * Decodes a watermark image (same limits as any source, and only `formats` when given) and applies
 * its own `image/…` processing, returning a PNG mark with alpha.
 * @example
 * const mark = await renderMark(logo, "image/resize,P_30", { mainWidth: 300, mainHeight: 200, deadline, signal });
 */
export async function renderMark(
  bytes: Uint8Array,
  process: string | undefined,
  options: Budget & {
    mainWidth: number;
    mainHeight: number;
    maxInputBytes: number | undefined;
    /** Formats the watermark image may have; any when absent. */
    formats?: readonly ImageFormat[] | undefined;
  },
): Promise<Mark> {
  options.signal.throwIfAborted();
  const source = await probe(bytes, options.maxInputBytes);
  if (options.formats && !options.formats.includes(source.format)) {
    throw new RenderError(
      400,
      "WatermarkError",
      `The watermark image format is not supported: it is ${source.format.toUpperCase()}; OSS takes ${options.formats.map((f) => f.toUpperCase()).join(", ")}.`,
      "0040-00000027",
    );
  }
  const ops: JdOperation[] = process ? watermarkOperations(process) : [];
  const scaled = ops.map((op) => withMainSize(op, options.mainWidth, options.mainHeight));
  // A mark is not the image served: a GIF logo still scales up to its P_n / JD ws size.
  const decided = {
    ...plan(source, scaled),
    format: "png" as const,
    opaque: false,
    animated: false,
    neverEnlarge: false,
  };
  const ctx: OpContext = {
    source,
    plan: decided,
    deadline: options.deadline,
    cpu: options.cpu,
    signal: options.signal,
    warnings: [],
    resolveImage: undefined,
    fonts: undefined,
    renderMark: undefined,
  };
  const work = await runOperations(open(source, decided), scaled, ctx);
  const { data, info } = await run(
    work.img
      .ensureAlpha()
      .png({ compressionLevel: 0 })
      .timeout({ seconds: secondsLeft(options) })
      .toBuffer({ resolveWithObject: true }),
  );
  options.signal.throwIfAborted();
  return { data, width: info.width, height: info.height };
}
