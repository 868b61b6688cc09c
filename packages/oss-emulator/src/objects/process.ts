import type { RenderResult } from "@style-console/imgproc/render";
import { parseProcess } from "@style-console/imgproc/syntax";
import type { RequestContext } from "../http/context.ts";
import { ossError } from "../http/errors.ts";
import { setCommonHeaders } from "../http/respond.ts";
import type { Bucket } from "../storage/buckets.ts";
import { validateKey } from "./headers.ts";
import type { ProcessGate } from "./process-gate.ts";

/**
 * GetObject with `x-oss-process`: `image/…` directly, or `style/<name>` through the bucket's style.
 * The renderer (`@style-console/imgproc/render`, sharp) is imported on first use, so the emulator starts
 * fast and answers 501 NotImplemented if the renderer cannot be loaded (sharp missing on the platform).
 */

type RenderModule = typeof import("@style-console/imgproc/render");
let renderer: Promise<RenderModule | undefined> | undefined;

async function loadRenderer(): Promise<RenderModule | undefined> {
  try {
    return await import("@style-console/imgproc/render");
  } catch {
    return undefined;
  }
}

async function readAll(bucket: Bucket, key: string): Promise<Uint8Array | undefined> {
  const opened = await bucket.objects.open(key);
  if (!opened) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function resolveProcess(bucket: Bucket, process: string): string {
  if (!process.startsWith("style/")) return process;
  // A name no style can have is the syntax's 400 (EC 0040-00000602 for ; ( ) ' * ?), not NoSuchStyle.
  const parsed = parseProcess(process);
  const [issue] = parsed.ok ? [] : parsed.errors;
  if (issue) {
    throw ossError("ImageProcessFailed", {
      identity: { status: 400, code: "InvalidArgument", ec: issue.ossCode },
      message: issue.message,
    });
  }
  const name = process.slice("style/".length);
  const style = bucket.styles.get(name);
  if (!style) throw ossError("NoSuchStyle", { fields: { StyleName: name } });
  return style.content;
}

/**
 * Renders `ctx.key` through `process` and sends the result, with the `response-*` header overrides.
 *
 * @example
 * await processObject(ctx, bucket, "style/thumb", processGate);
 */
export async function processObject(
  ctx: RequestContext,
  bucket: Bucket,
  process: string,
  gate: ProcessGate,
  overrides: Record<string, string> = {},
): Promise<void> {
  validateKey(ctx.key);
  if (!process.startsWith("image/") && !process.startsWith("style/")) {
    throw ossError("InvalidArgument", {
      message: `x-oss-process must start with image/ or style/, got "${process.slice(0, 64)}".`,
    });
  }
  const input = await readAll(bucket, ctx.key);
  if (!input) throw ossError("NoSuchKey", { fields: { Key: ctx.key } });
  const operations = resolveProcess(bucket, process);
  renderer ??= loadRenderer();
  const mod = await renderer;
  if (!mod) {
    throw ossError("NotImplemented", {
      message: "Image processing is not available here: @style-console/imgproc/render could not be loaded.",
    });
  }
  const abort = new AbortController();
  ctx.res.once("close", () => abort.abort());
  let result: RenderResult;
  try {
    // From the header only; a `style/…` nested in the content is estimated as the worst case.
    const estimate = mod.estimateRenderMemory(await mod.probeHeader(input), operations);
    result = await gate.run(estimate.bytes, estimate.step, () =>
      render(mod, input, operations, bucket, abort),
    );
  } catch (error) {
    if (!mod.isRenderError(error)) throw error;
    throw ossError("ImageProcessFailed", {
      identity: { status: error.status, code: error.code, ec: error.ossCode },
      message: error.message,
    });
  }
  setCommonHeaders(ctx);
  ctx.res.writeHead(200, {
    "Content-Type": result.contentType,
    ...overrides,
    "Content-Length": result.data.length,
  });
  ctx.res.end(result.data);
}

function render(
  mod: RenderModule,
  input: Uint8Array,
  operations: string,
  bucket: Bucket,
  abort: AbortController,
): Promise<RenderResult> {
  return mod.render(input, operations, {
    resolveImage: async (key) => {
      const bytes = await readAll(bucket, key);
      if (!bytes)
        throw new mod.RenderError(404, "NoSuchKey", `The watermark object "${key}" does not exist.`);
      return bytes;
    },
    resolveStyle: async (name) => {
      const style = bucket.styles.get(name);
      if (!style) throw new mod.RenderError(404, "NoSuchStyle", `The style "${name}" does not exist.`);
      return style.content;
    },
    signal: abort.signal,
  });
}
