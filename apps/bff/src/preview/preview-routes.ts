import { Hono } from "hono";
import { z } from "zod";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import type { PreviewDeps } from "./index.ts";
import { checkParity } from "./parity/parity.ts";
import type { Timing } from "./preview-service.ts";

const previewQuery = z.object({
  source: z.string({ error: "`source` is required (sample:<id> or object:<bucket>/<key>)" }).min(1).max(2048),
  /** The draft; empty or absent for the original image. */
  process: z.string().max(16_384).default(""),
  /** The bucket a sample's `style/<name>` and watermark images come from (default: the first). */
  bucket: z.string().min(1).optional(),
});

const serverTiming = (timings: Timing[], cache: string) =>
  [...timings.map((t) => `${t.name};dur=${t.ms.toFixed(1)}`), `cache;desc=${cache}`].join(", ");

// Header values are Latin-1 at best: each warning is percent-encoded (so commas inside one are too), then
// joined with commas; the header is absent when there is nothing to say.
const encodeWarnings = (warnings: string[]) => warnings.map((w) => encodeURIComponent(w)).join(",");

/**
 * `GET /api/preview?source=&process=&bucket=`: the draft rendered as OSS would serve it, with its facts in
 * `X-Image-*` headers, a strong ETag (304 on If-None-Match) and `Cache-Control: private`.
 * `GET /api/preview/parity?source=object:…&process=`: the same draft rendered by the backend, compared.
 */
export function previewRoutes(preview: PreviewDeps) {
  return new Hono<ApiEnv>()
    .get("/", validate("query", previewQuery), async (c) => {
      const query = c.req.valid("query");
      const outcome = await preview.service.preview(query, c.req.raw.signal, c.req.header("If-None-Match"));
      const common = {
        ETag: outcome.etag,
        "Cache-Control": "private, no-cache",
        Vary: "Cookie, Authorization",
      };
      if (outcome.notModified) {
        return c.body(null, 304, {
          ...common,
          "Server-Timing": serverTiming(outcome.timings, "revalidated"),
        });
      }
      const { data, info, contentType, warnings } = outcome.rendered;
      return c.body(new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength), 200, {
        ...common,
        "Content-Type": contentType,
        "Content-Length": String(data.length),
        "X-Image-Width": String(info.width),
        "X-Image-Height": String(info.height),
        "X-Image-Format": info.format,
        "X-Image-Frames": String(info.frames),
        "X-Preview-Cache": outcome.cache,
        ...(warnings.length > 0 ? { "X-Preview-Warnings": encodeWarnings(warnings) } : {}),
        "Server-Timing": serverTiming(outcome.timings, outcome.cache),
      });
    })
    .get("/parity", validate("query", previewQuery), async (c) => {
      const query = c.req.valid("query");
      return c.json(await checkParity(preview.service, preview.queue, query, c.req.raw.signal), 200);
    });
}
