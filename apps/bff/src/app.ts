import { Hono } from "hono";
import { healthRoutes } from "./routes/health.ts";
import { mountSpa } from "./spa/serve-spa.ts";

export interface AppOptions {
  /** The built SPA to serve at `/`; omitted in tests and in `pnpm dev`, where Vite serves it. */
  webDist?: string;
}

function createApiRoutes() {
  return new Hono()
    .route("/health", healthRoutes)
    .all("/*", (c) => c.json({ error: { code: "NotFound", message: `No API route ${c.req.path}` } }, 404));
}

/** The API's type, for the SPA's `hc<AppType>` client. */
export type AppType = ReturnType<typeof createApiRoutes>;

/**
 * Builds the whole BFF as a Hono app: the `/api` routes, then the SPA.
 * @example
 * const app = createApp({});
 * const res = await app.request("/api/health"); // 200 { status: "ok", version }
 */
export function createApp(options: AppOptions = {}): Hono {
  const app = new Hono();
  app.route("/api", createApiRoutes());
  if (options.webDist) mountSpa(app, options.webDist);
  return app;
}
