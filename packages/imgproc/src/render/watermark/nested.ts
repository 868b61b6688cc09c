// The syntax entry has no public parser for a watermark's own processing (where `resize,P_n` is
// legal); these two internals are what its watermark validation uses.
import { parseImageActions } from "../../syntax/alibaba/index.ts";
import type { JdOperation, Operation, SyntaxIssue } from "../../syntax/ast.ts";
import { WATERMARK_IMAGE_OPERATIONS } from "../../syntax/operations/watermark.ts";
import { RenderError } from "../error.ts";
import type { OpContext } from "../ops/context.ts";
import { runOperations } from "../pipeline.ts";
import { plan } from "../plan.ts";
import { probe } from "../source.ts";
import { open, run } from "../work.ts";
import type { Mark } from "./mark.ts";

/** Parses `image/…` of a watermark image: the restricted action set plus `resize,P_n`. */
function watermarkOperations(process: string): Operation[] {
  if (!process.startsWith("image/")) {
    throw new RenderError(400, "WatermarkError", "A watermark image's processing must start with `image/`.");
  }
  const ctx = {
    errors: [] as SyntaxIssue[],
    warnings: [] as SyntaxIssue[],
    allowed: WATERMARK_IMAGE_OPERATIONS,
  };
  const operations = parseImageActions(process, "image/".length, process.length, ctx);
  const [first] = ctx.errors;
  if (first)
    throw new RenderError(
      400,
      "WatermarkError",
      `Watermark image processing: ${first.message}`,
      first.ossCode,
    );
  return operations;
}

/** `resize,P_n` inside a watermark: a box n % of the main image's sides. */
function withMainSize(op: JdOperation, mainWidth: number, mainHeight: number): JdOperation {
  if (op.op !== "resize" || op.P === undefined) return op;
  const w = Math.max(1, Math.round((mainWidth * op.P) / 100));
  const h = Math.max(1, Math.round((mainHeight * op.P) / 100));
  return { op: "resize", m: "lfit", w, h, limit: 0 };
}

/**
 * Decodes a watermark image (same limits as any source) and applies its own `image/…` processing,
 * returning a PNG mark with alpha.
 * @example
 * const mark = await renderMark(logo, "image/resize,P_30", { mainWidth: 300, mainHeight: 200, timeoutSeconds: 20 });
 */
export async function renderMark(
  bytes: Uint8Array,
  process: string | undefined,
  options: {
    mainWidth: number;
    mainHeight: number;
    timeoutSeconds: number;
    maxInputBytes: number | undefined;
  },
): Promise<Mark> {
  const source = await probe(bytes, options.maxInputBytes);
  const ops: JdOperation[] = process ? watermarkOperations(process) : [];
  const scaled = ops.map((op) => withMainSize(op, options.mainWidth, options.mainHeight));
  const decided = { ...plan(source, scaled), format: "png" as const, opaque: false, animated: false };
  const ctx: OpContext = {
    source,
    plan: decided,
    timeoutSeconds: options.timeoutSeconds,
    warnings: [],
    resolveImage: undefined,
    fonts: undefined,
    signal: undefined,
    renderMark: undefined,
  };
  const work = await runOperations(open(source, decided), scaled, ctx);
  const { data, info } = await run(
    work.img.ensureAlpha().png({ compressionLevel: 0 }).toBuffer({ resolveWithObject: true }),
  );
  return { data, width: info.width, height: info.height };
}
