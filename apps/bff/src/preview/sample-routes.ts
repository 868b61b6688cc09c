import type { SampleDto } from "@style-console/contract/dto";
import { sampleParam } from "@style-console/contract/schemas";
import { LIMITS } from "@style-console/imgproc/render";
import { Hono, type MiddlewareHandler } from "hono";
import type { ApiEnv } from "../http/api-env.ts";
import { HttpError } from "../http/error.ts";
import { readBody } from "../http/read-body.ts";
import { validate } from "../http/zod-validator.ts";
import type { PreviewDeps } from "./index.ts";
import { decodeAll, inspectHeader } from "./sources/inspect.ts";
import { UploadStore } from "./sources/uploads.ts";

/** The upload's own body cap: the image limit plus room for the multipart framing. */
export const MAX_UPLOAD_BODY_BYTES = LIMITS.maxInputBytes + 64 * 1024;

const MB = 1024 * 1024;

const tooLarge = () =>
  new HttpError(
    "ImageTooLarge",
    `The upload is larger than ${LIMITS.maxInputBytes / MB} MB, the OSS limit for an image.`,
    { headers: { Connection: "close" } },
  );

// What we show of the uploader's file name: printable, bounded. It is a label, never a path.
const displayName = (name: string) => name.replace(/[\p{Cc}\\/]+/gu, "_").slice(0, 200) || "upload";

/** Uploads read at once: each may hold up to 20 MB (twice, while it is parsed) in memory. */
export const MAX_CONCURRENT_UPLOADS = 4;

/**
 * Preview sources of our own: `GET /api/samples` (built-ins, then uploads newest first),
 * `POST /api/samples` (multipart, field `file`; the body is counted while it streams in and cut off
 * past the limit), `DELETE /api/samples/:id` (uploads only).
 */
export function sampleRoutes(preview: PreviewDeps) {
  let uploading = 0;
  // Before the body is read: a fifth upload waits outside rather than adding 20 MB to the heap.
  const fewAtOnce: MiddlewareHandler<ApiEnv> = async (_, next) => {
    if (uploading >= MAX_CONCURRENT_UPLOADS) {
      throw new HttpError("UploadsBusy", "Too many uploads at once; try again in a moment.", {
        headers: { "Retry-After": "2" },
      });
    }
    uploading++;
    try {
      await next();
    } finally {
      uploading--;
    }
  };
  return new Hono<ApiEnv>()
    .get("/", async (c) => {
      const [builtin, uploads] = await Promise.all([preview.samples.list(), preview.uploads.list()]);
      const samples: SampleDto[] = [...builtin, ...uploads];
      return c.json({ samples }, 200);
    })
    .post("/", fewAtOnce, async (c) => {
      const type = c.req.header("Content-Type") ?? "";
      if (!/^multipart\/form-data/i.test(type)) {
        throw new HttpError("UnsupportedMediaType", "Upload the image as multipart/form-data, field `file`.");
      }
      // Bounded in size and in time: a client that stalls or trickles loses its slot (408).
      const raw = await readBody(c.req.raw, {
        maxBytes: MAX_UPLOAD_BODY_BYTES,
        idleMs: preview.uploadTimeouts.idleMs,
        totalMs: preview.uploadTimeouts.totalMs,
        tooLarge,
      });
      let body: Record<string, string | File>;
      try {
        const form = await new Response(
          new Uint8Array(raw.buffer as ArrayBuffer, raw.byteOffset, raw.byteLength),
          { headers: { "Content-Type": type } },
        ).formData();
        body = Object.fromEntries(form.entries()) as Record<string, string | File>;
      } catch (error) {
        if (error instanceof HttpError) throw error;
        throw new HttpError("MalformedUpload", "The multipart body cannot be read.");
      }
      const file = body.file;
      if (!(file instanceof File)) throw new HttpError("MissingFile", "Send the image in the field `file`.");
      const bytes = Buffer.from(await file.arrayBuffer());
      const { facts, kind, cost } = await inspectHeader(bytes);
      if (cost.bytes > preview.queue.memoryBytes) {
        const neededMB = Math.ceil(cost.bytes / MB);
        const limitMB = Math.floor(preview.queue.memoryBytes / MB);
        throw new HttpError(
          "ImageTooExpensive",
          `This ${facts.width}×${facts.height} ${facts.format.toUpperCase()} needs about ${neededMB} MB to decode; previews may use ${limitMB} MB (PREVIEW_MEMORY_MB). Upload a smaller image.`,
          { details: { operation: cost.step, reason: "memory", neededMB, limitMB } },
        );
      }
      // Decoding a whole image to check it is CPU and memory work: it waits its turn with the renders.
      await preview.queue.run(() => decodeAll(bytes, kind, facts.frames > 1), c.req.raw.signal, cost);
      const sample = await preview.uploads.save(bytes, displayName(file.name), facts);
      return c.json(sample, 201);
    })
    .delete("/:id", validate("param", sampleParam), async (c) => {
      const { id } = c.req.valid("param");
      if (preview.samples.has(id))
        throw new HttpError("BuiltinSample", `"${id}" is a built-in sample; only uploads can be deleted.`);
      if (!UploadStore.isId(id) || !(await preview.uploads.remove(id)))
        throw new HttpError("NoSuchSample", `There is no upload "${id}".`);
      return c.body(null, 204);
    });
}
