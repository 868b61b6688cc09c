import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { auditRoutes } from "./audit/audit-routes.ts";
import { objectRoutes } from "./buckets/object-routes.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { type Readiness, readyRoutes } from "./db/readiness.ts";
import type { ApiEnv } from "./http/api-env.ts";
import { csrfGuard } from "./http/csrf.ts";
import { createErrorHandler, HttpError } from "./http/error.ts";
import { healthRoutes } from "./http/health-routes.ts";
import { requestLog } from "./http/request-log.ts";
import { securityHeaders } from "./http/security-headers.ts";
import type { Logger } from "./platform/logger.ts";
import type { PreviewDeps } from "./preview/index.ts";
import { previewRoutes } from "./preview/preview-routes.ts";
import { sampleRoutes } from "./preview/sample-routes.ts";
import type { Access } from "./session/access.ts";
import { sessionRoutes } from "./session/session-routes.ts";
import { mountSpa } from "./spa/serve-spa.ts";
import { validateRoutes } from "./styles/style-check-routes.ts";
import { bucketRoutes } from "./styles/style-routes.ts";
import type { StyleService } from "./styles/style-service.ts";
import type { StyleWriter } from "./styles/writer.ts";

// DTOs, error codes and request schemas live in @style-console/contract; only the API type is exported here.

/** What the API runs on; `main.ts` builds it from the config, tests from a real emulator. */
export interface ApiDeps {
  access: Access;
  styles: StyleService;
  /** The one way to change a style (locked, audited ahead); features that write styles use it. */
  writer: StyleWriter;
  preview: PreviewDeps;
  logger: Logger;
  database: DatabaseHandle;
  readiness: Readiness;
}

export interface AppOptions {
  api: ApiDeps;
  /** The built SPA to serve at `/`; omitted in tests and in `pnpm dev`, where Vite serves it. */
  webDist?: string | undefined;
}

/** Style bodies are small (content ≤ 16 KiB); anything much larger is a mistake or an attack. */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => {
  throw new HttpError("PayloadTooLarge", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
};

const smallBodies = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });

// Uploads have their own, larger cap (preview/sample-routes.ts), applied after the session check so an anonymous
// client cannot make the server read 20 MB.
const isUpload = (c: Context) => c.req.method === "POST" && /^\/api\/samples\/?$/.test(c.req.path);

function createApiRoutes(deps: ApiDeps) {
  return (
    new Hono<ApiEnv>()
      .use("*", (c, next) => (isUpload(c) ? next() : smallBodies(c, next)))
      .route("/health", healthRoutes)
      .route("/ready", readyRoutes(deps.readiness))
      .route("/session", sessionRoutes(deps.access))
      // Everything registered below needs a session (cookie or bearer); mutations from a cookie session
      // also pass the CSRF guard (see http/csrf.ts for what the SPA must send).
      .use("*", deps.access.requireSession, csrfGuard)
      .route("/buckets", bucketRoutes(deps.styles))
      .route("/buckets", objectRoutes(deps.preview))
      .route("/samples", sampleRoutes(deps.preview))
      .route("/preview", previewRoutes(deps.preview))
      .route("/validate", validateRoutes)
      .route("/audit", auditRoutes(deps.styles))
      .all("/*", (c) => c.json({ error: { code: "NotFound", message: `No API route ${c.req.path}` } }, 404))
  );
}

/** The API's type, for the SPA's `hc<AppType>("/api")` client. */
export type AppType = ReturnType<typeof createApiRoutes>;

/**
 * Builds the whole BFF as a Hono app: security headers everywhere, the `/api` routes with the one error
 * handler, then the SPA.
 * @example
 * const app = createApp({ api: deps });
 * const res = await app.request("/api/health"); // 200 { status: "ok", version }
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use("*", securityHeaders);
  app.use("/api/*", requestLog(options.api.logger));
  app.onError(createErrorHandler(options.api.logger));
  app.route("/api", createApiRoutes(options.api));
  if (options.webDist) mountSpa(app, options.webDist);
  return app;
}
