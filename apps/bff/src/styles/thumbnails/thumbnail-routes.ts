import { bucketParam, thumbnailQuery } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { ManagedBucket } from "../../buckets/bucket-styles.ts";
import type { ApiEnv } from "../../http/api-env.ts";
import { validate } from "../../http/zod-validator.ts";
import type { Thumbnails } from "./thumbnail-service.ts";

/**
 * `GET /api/buckets/:bucket/thumbnails?content=…&sample=…`: the style list's thumbnail of a style's
 * content (a WebP of at most 128×128), with a strong ETag (304 on If-None-Match). The content is in the
 * URL, so a changed style is a new URL. A style that answers data instead of an image (`info`) has no
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
      const etag = thumbnails.etagOf(bucket, content, sample);
      const revalidated = c.req
        .header("If-None-Match")
        ?.split(",")
        .some((t) => t.trim() === etag);
      const common = {
        ETag: etag,
        // Five minutes in the browser, then revalidated: the ETag is known without rendering (a cheap 304).
        "Cache-Control": "private, max-age=300",
        Vary: "Cookie, Authorization",
      };
      if (revalidated) return c.body(null, 304, common);
      const { thumbnail, cache } = await thumbnails.get(bucket, content, sample, c.req.raw.signal);
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
