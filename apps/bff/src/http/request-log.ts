import type { MiddlewareHandler } from "hono";
import type { Logger } from "../platform/logger.ts";

/**
 * One event per API request: method, path, status, milliseconds. Deliberately no query string, headers
 * or body: those are where tokens and cookies travel, and a log is copied to places secrets must not go.
 * The path is a field, escaped by the logger: a decoded `%0D%0A` or `%1B` cannot start a line.
 * @example
 * app.use("/api/*", requestLog(logger)); // {"msg":"request","method":"GET","path":"/api/buckets","status":200,"ms":12}
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}
