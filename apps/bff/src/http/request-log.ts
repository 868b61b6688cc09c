import type { MiddlewareHandler } from "hono";
import type { Logger } from "../platform/logger.ts";

/**
 * One line per API request: method, path, status, milliseconds. Deliberately no query string, headers
 * or body: those are where tokens and cookies travel, and a log is copied to places secrets must not go.
 * @example
 * app.use("/api/*", requestLog(logger)); // "GET /api/buckets 200 12ms"
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  };
}
