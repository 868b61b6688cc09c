import { Hono } from "hono";
import { z } from "zod";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import type { PreviewDeps } from "../preview/index.ts";
import { IMAGE_KEY } from "../preview/sources/object-sources.ts";
import type { ObjectPage } from "./bucket-objects.ts";

const objectsQuery = z.object({
  prefix: z.string().max(1023).optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(4096).optional(),
  /** Keys OSS reads per page (1–1000, default 100); only images are returned, so a page may hold fewer. */
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** `GET /api/buckets/:bucket/objects?prefix=&cursor=&limit=` → `{ objects, nextCursor }`, images only. */
export function objectRoutes(preview: PreviewDeps) {
  return new Hono<ApiEnv>().get(
    "/:bucket/objects",
    validate("param", z.object({ bucket: z.string().min(1) })),
    validate("query", objectsQuery),
    async (c) => {
      const { bucket } = c.req.valid("param");
      const { prefix, cursor, limit } = c.req.valid("query");
      const page = await preview.service.bucketNamed(bucket).objects.list({
        maxKeys: limit,
        ...(prefix ? { prefix } : {}),
        ...(cursor ? { cursor } : {}),
      });
      const result: ObjectPage = {
        objects: page.objects.filter((o) => IMAGE_KEY.test(o.key)),
        nextCursor: page.nextCursor,
      };
      return c.json(result, 200);
    },
  );
}
