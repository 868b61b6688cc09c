import { bucketParam, thumbnailQuery } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { ManagedBucket } from "../../buckets/bucket-styles.ts";
import type { ApiEnv } from "../../http/api-env.ts";
import { validate } from "../../http/zod-validator.ts";
import type { Thumbnails } from "./thumbnail-service.ts";

/**
 * `GET /api/buckets/:bucket/thumbnails?content=…&sample=…`: the style list's thumbnail of a style's
 * content (a WebP of at most 128×128), with a strong ETag (304 on If-None-Match). The content is in the
 * URL, so a changed style is a new URL; a replaced watermark image or a new font changes the ETag. A style that answers data instead of an image (`info`) has no
 * thumbnail: 204, which an `<img>` shows as its placeholder.
 */
export function thumbnailRoutes(thumbnails: Thumbnails, bucketOf: (name: string) => ManagedBucket) {
  return new Hono<ApiEnv>().get(
    "/:bucket/thumbnails",
    validate("param", bucketParam),
    validate("query", thumbnailQuery),
    async (c) => {
      // 404 UnknownBucket for a bucket this console does not manage, even when the style needs none of it.
      const bucket = bucketOf(c.req.valid("param").bucket).name;
      const { content, sample } = c.req.valid("query");
      const answer = await thumbnails.get(
        bucket,
        content,
        sample,
        c.req.raw.signal,
        c.req.header("If-None-Match"),
      );
      const etag = answer.notModified ? answer.etag : answer.thumbnail.etag;
      const common = {
        ETag: etag,
        // Five minutes in the browser, then revalidated: a 304 costs the preview's ETag, not a render.
        "Cache-Control": "private, max-age=300",
        Vary: "Cookie, Authorization",
      };
      if (answer.notModified) return c.body(null, 304, common);
      const { thumbnail, cache } = answer;
      const headers = { ...common, "X-Thumbnail-Cache": cache };
      if (!thumbnail.data) return c.body(null, 204, headers);
      const { data } = thumbnail;
      return c.body(new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength), 200, {
        ...headers,
        "Content-Type": "image/webp",
        "Content-Length": String(data.length),
      });
    },
  );
}
