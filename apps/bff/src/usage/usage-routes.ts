import { bucketParam } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import { loggingBody, requestsQuery, usageQuery } from "./usage-schemas.ts";
import type { UsageService } from "./usage-service.ts";

/**
 * `GET /api/buckets/:bucket/usage`, `POST /api/buckets/:bucket/usage/scan` (scans now, answers when
 * done) and `PUT /api/buckets/:bucket/usage/logging` (turn access logging on or off, audited) and
 * `GET /api/buckets/:bucket/usage/logging/events` (that audit, newest first, 50 at most). Mounted at `/buckets`.
 */
export function bucketUsageRoutes(usage: UsageService) {
  return new Hono<ApiEnv>()
    .get("/:bucket/usage", validate("param", bucketParam), validate("query", usageQuery), async (c) => {
      const { bucket } = c.req.valid("param");
      return c.json(await usage.usage(bucket, c.req.valid("query").days), 200);
    })
    .post("/:bucket/usage/scan", validate("param", bucketParam), async (c) => {
      const { bucket } = c.req.valid("param");
      return c.json(await usage.scan(bucket), 200);
    })
    .put(
      "/:bucket/usage/logging",
      validate("param", bucketParam),
      validate("json", loggingBody),
      async (c) => {
        const { bucket } = c.req.valid("param");
        // The access table (auth/rules.ts) admits operators and admins only.
        return c.json(await usage.setLogging(c.var.principal ?? null, bucket, c.req.valid("json")), 200);
      },
    )
    .get("/:bucket/usage/logging/events", validate("param", bucketParam), async (c) => {
      const { bucket } = c.req.valid("param");
      return c.json({ events: await usage.loggingEvents(bucket, 50) }, 200);
    });
}

/** `GET /api/usage/requests?month=YYYY-MM`: the month's OSS requests and the style API cost. Mounted at `/usage`. */
export function requestRoutes(usage: UsageService) {
  return new Hono<ApiEnv>().get("/requests", validate("query", requestsQuery), async (c) =>
    c.json(await usage.requests(c.req.valid("query").month), 200),
  );
}
