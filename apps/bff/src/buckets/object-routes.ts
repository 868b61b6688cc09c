import type { ObjectPage } from "@style-console/contract/dto";
import { bucketParam, objectsQuery } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import type { PreviewDeps } from "../preview/index.ts";
import { IMAGE_KEY } from "../preview/sources/object-sources.ts";

/** `GET /api/buckets/:bucket/objects?prefix=&cursor=&limit=` → `{ objects, nextCursor }`, images only. */
export function objectRoutes(preview: PreviewDeps) {
  return new Hono<ApiEnv>().get(
    "/:bucket/objects",
    validate("param", bucketParam),
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
