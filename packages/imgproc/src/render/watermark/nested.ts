import type { JdOperation } from "../../syntax/ast.ts";
import { RenderError } from "../error.ts";
import type { OpContext } from "../ops/context.ts";
import { toProcess } from "../parse.ts";
import { runOperations } from "../pipeline.ts";
import { plan } from "../plan.ts";
import { probe } from "../source.ts";
import { open, run } from "../work.ts";
import type { Mark } from "./mark.ts";

// A watermark image's own processing may only geometrically prepare it (reference A.2.13).
const ALLOWED = new Set(["resize", "crop", "indexcrop", "rounded-corners", "rotate", "auto-orient"]);

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
  const parsed = process ? toProcess(process) : null;
  const ops = parsed && (parsed.kind === "image" || parsed.kind === "img") ? parsed.operations : [];
  const bad = ops.find((op) => !ALLOWED.has(op.op));
  if (bad)
    throw new RenderError(
      400,
      "WatermarkError",
      `A watermark image cannot use \`${bad.op}\` in its own processing.`,
    );
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
