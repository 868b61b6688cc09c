import { encodeWarnings, PREVIEW_HEADERS } from "@style-console/contract/preview";
import { previewQuery } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import type { PreviewDeps } from "./index.ts";
import { checkParity } from "./parity/parity.ts";
import type { Timing } from "./preview-service.ts";

const serverTiming = (timings: Timing[], cache: string) =>
  [...timings.map((t) => `${t.name};dur=${t.ms.toFixed(1)}`), `cache;desc=${cache}`].join(", ");

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
        [PREVIEW_HEADERS.width]: String(info.width),
        [PREVIEW_HEADERS.height]: String(info.height),
        [PREVIEW_HEADERS.format]: info.format,
        [PREVIEW_HEADERS.frames]: String(info.frames),
        [PREVIEW_HEADERS.cache]: outcome.cache,
        ...(warnings.length > 0 ? { [PREVIEW_HEADERS.warnings]: encodeWarnings(warnings) } : {}),
        "Server-Timing": serverTiming(outcome.timings, outcome.cache),
      });
    })
    .get("/parity", validate("query", previewQuery), async (c) => {
      const query = c.req.valid("query");
      return c.json(await checkParity(preview.service, preview.queue, query, c.req.raw.signal), 200);
    });
}
