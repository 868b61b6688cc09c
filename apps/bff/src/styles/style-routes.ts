import {
  bucketParam,
  createStyleBody,
  deleteStyleQuery,
  renameStyleBody,
  styleParam,
  updateStyleBody,
} from "@style-console/contract/schemas";
import { Hono } from "hono";
import { me } from "../auth/me.ts";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import { mayUseBucket } from "../users/principal.ts";
import type { StyleService } from "./style-service.ts";

/**
 * The buckets and their styles. Errors (unknown bucket 404, bad name/content 400 with positions, 409 on
 * an existing name or a concurrent change with `details.current`, upstream failures with the OSS request
 * id) are thrown by the service and shaped by the one error handler.
 */
export function bucketRoutes(styles: StyleService) {
  return (
    new Hono<ApiEnv>()
      // A role limited to some buckets sees only those.
      .get("/", async (c) => {
        const caller = me(c);
        const all = await styles.buckets();
        return c.json(
          all.filter((b) => mayUseBucket(caller, b.name)),
          200,
        );
      })
      .get("/:bucket/styles", validate("param", bucketParam), async (c) => {
        const { bucket } = c.req.valid("param");
        return c.json({ styles: await styles.list(bucket) }, 200);
      })
      .get("/:bucket/styles/:name", validate("param", styleParam), async (c) => {
        const { bucket, name } = c.req.valid("param");
        return c.json(await styles.get(bucket, name), 200);
      })
      .post(
        "/:bucket/styles",
        validate("param", bucketParam),
        validate("json", createStyleBody),
        async (c) => {
          const { bucket } = c.req.valid("param");
          return c.json(await styles.create(me(c), bucket, c.req.valid("json")), 201);
        },
      )
      .put(
        "/:bucket/styles/:name",
        validate("param", styleParam),
        validate("json", updateStyleBody),
        async (c) => {
          const { bucket, name } = c.req.valid("param");
          return c.json(await styles.update(me(c), bucket, name, c.req.valid("json")), 200);
        },
      )
      .delete(
        "/:bucket/styles/:name",
        validate("param", styleParam),
        validate("query", deleteStyleQuery),
        async (c) => {
          const { bucket, name } = c.req.valid("param");
          await styles.remove(me(c), bucket, name, c.req.valid("query"));
          return c.body(null, 204);
        },
      )
      // A copy and a delete, audited as `rename` (style-service.ts); answers the style under its new name.
      .post(
        "/:bucket/styles/:name/rename",
        validate("param", styleParam),
        validate("json", renameStyleBody),
        async (c) => {
          const { bucket, name } = c.req.valid("param");
          return c.json(await styles.rename(me(c), bucket, name, c.req.valid("json")), 200);
        },
      )
  );
}
