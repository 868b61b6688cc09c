import type { RequestContext } from "../http/context.ts";
import { ossError } from "../http/errors.ts";
import { setCommonHeaders } from "../http/respond.ts";
import type { Bucket } from "../storage/buckets.ts";
import { validateKey } from "./headers.ts";

/**
 * GetObject with `x-oss-process`: `image/…` directly, or `style/<name>` through the bucket's style.
 * The renderer (`@style-console/imgproc/render`, sharp) is imported on first use, so the emulator starts
 * fast and keeps working — answering 501 NotImplemented — where the renderer is not available.
 */

interface RenderResult {
  readonly data: Uint8Array;
  readonly contentType: string;
}
type Render = (
  input: Uint8Array,
  process: string,
  options?: { resolveImage?: (key: string) => Promise<Uint8Array>; signal?: AbortSignal },
) => Promise<RenderResult>;

let renderer: Promise<Render | undefined> | undefined;

async function loadRenderer(): Promise<Render | undefined> {
  // A variable specifier keeps the type checker from resolving a module that may not exist yet.
  const specifier = "@style-console/imgproc/render";
  try {
    const mod = (await import(specifier)) as { render?: unknown };
    return typeof mod.render === "function" ? (mod.render as Render) : undefined;
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
  const name = process.slice("style/".length);
  const style = bucket.styles.get(name);
  if (!style) throw ossError("NoSuchStyle", { fields: { StyleName: name } });
  return style.content;
}

/**
 * Renders `ctx.key` through `process` and sends the result.
 *
 * @example
 * await processObject(ctx, bucket, "style/thumb");
 */
export async function processObject(ctx: RequestContext, bucket: Bucket, process: string): Promise<void> {
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
  const render = await renderer;
  if (!render) {
    throw ossError("NotImplemented", {
      message:
        "Image processing is not available in this emulator build (@style-console/imgproc/render is missing).",
    });
  }
  const abort = new AbortController();
  ctx.res.once("close", () => abort.abort());
  let result: RenderResult;
  try {
    result = await render(input, operations, {
      resolveImage: async (key) => {
        const bytes = await readAll(bucket, key);
        if (!bytes) throw ossError("NoSuchKey", { fields: { Key: key } });
        return bytes;
      },
      signal: abort.signal,
    });
  } catch (error) {
    throw asOssError(error);
  }
  setCommonHeaders(ctx);
  ctx.res.writeHead(200, { "Content-Type": result.contentType, "Content-Length": result.data.length });
  ctx.res.end(result.data);
}

function asOssError(error: unknown): Error {
  if (error instanceof Error && error.name === "OssError") return error;
  const e = error as { status?: unknown; code?: unknown; message?: unknown; ec?: unknown };
  if (typeof e?.status === "number" && typeof e.code === "string") {
    return ossError("ImageProcessFailed", {
      identity: { status: e.status, code: e.code, ec: typeof e.ec === "string" ? e.ec : undefined },
      message: typeof e.message === "string" ? e.message : e.code,
    });
  }
  throw error;
}
