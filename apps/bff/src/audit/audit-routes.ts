import { auditQuery } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import type { StyleService } from "../styles/style-service.ts";

/** `GET /api/audit?bucket=&style=&limit=&cursor=` → `{ entries, nextCursor }`, newest first. */
export function auditRoutes(styles: StyleService) {
  return new Hono<ApiEnv>().get("/", validate("query", auditQuery), async (c) => {
    const { bucket, style, limit, cursor } = c.req.valid("query");
    return c.json(
      await styles.audit({
        limit,
        ...(bucket === undefined ? {} : { bucket }),
        ...(style === undefined ? {} : { style }),
        ...(cursor === undefined ? {} : { cursor }),
      }),
      200,
    );
  });
}
