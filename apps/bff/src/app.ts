import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { auditRoutes } from "./audit/audit-routes.ts";
import { authorize } from "./auth/authorize.ts";
import { oidcRoutes } from "./auth/oidc-routes.ts";
import { ACCESS_RULES } from "./auth/rules.ts";
import { sessionRoutes } from "./auth/session-routes.ts";
import { sessionListRoutes } from "./auth/sessions-routes.ts";
import { bucketLookup } from "./buckets/managed-buckets.ts";
import { objectRoutes } from "./buckets/object-routes.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { type Readiness, readyRoutes } from "./db/readiness.ts";
import { fleetBucketRoutes, fleetRoutes } from "./fleet/fleet-routes.ts";
import type { Fleet } from "./fleet/index.ts";
import type { DraftService } from "./history/drafts.ts";
import { historyRoutes } from "./history/history-routes.ts";
import type { HistoryService } from "./history/history-service.ts";
import type { BucketSettingsStore } from "./history/settings.ts";
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
import { mountSpa } from "./spa/serve-spa.ts";
import { validateRoutes } from "./styles/style-check-routes.ts";
import { bucketRoutes } from "./styles/style-routes.ts";
import type { StyleService } from "./styles/style-service.ts";
import { thumbnailRoutes } from "./styles/thumbnails/thumbnail-routes.ts";
import { createThumbnails } from "./styles/thumbnails/thumbnail-service.ts";
import type { StyleWriter } from "./styles/writer.ts";
import { tokenRoutes } from "./tokens/token-routes.ts";
import { asPrincipal, principalOf } from "./usage/request-accounting.ts";
import { bucketUsageRoutes, requestRoutes } from "./usage/usage-routes.ts";
import type { UsageService } from "./usage/usage-service.ts";
import { linkRoutes } from "./users/link-routes.ts";
import type { People } from "./users/people.ts";
import { profileRoutes } from "./users/profile-routes.ts";
import { userRoutes } from "./users/user-routes.ts";

export type * from "@style-console/contract/dto";
export type { PositionedIssue } from "@style-console/contract/names";
export type * from "./history/dto.ts";
export { CSRF_HEADER, CSRF_HEADER_VALUE } from "./http/csrf.ts";
export type { ApiErrorBody } from "./http/error.ts";
export type { BucketEventDto } from "./usage/bucket-events.ts";
export type { RequestsReport } from "./usage/request-accounting.ts";
export type { ScanResult } from "./usage/scanner.ts";
export type { StyleUsageDto } from "./usage/usage-query.ts";
export type { BucketUsageDto, LoggingDto } from "./usage/usage-service.ts";
export type { Via } from "./users/principal.ts";
export type { Role } from "./users/roles.ts";
export type { SessionDto, UserDto } from "./users/user-dto.ts";

/** What the API runs on; `main.ts` builds it from the config, tests from a real emulator. */
export interface ApiDeps {
  /** Accounts, sign-in, tokens, links and single sign-on (users/people.ts). */
  people: People;
  styles: StyleService;
  fleet: Fleet;
  /** The one way to change a style (locked, audited ahead); features that write styles use it. */
  writer: StyleWriter;
  /** Style history (versions, restore, recently deleted) and external change detection. */
  history: HistoryService;
  drafts: DraftService;
  settings: BucketSettingsStore;
  preview: PreviewDeps;
  logger: Logger;
  database: DatabaseHandle;
  readiness: Readiness;
  /** Style usage from the access logs, and the console's own OSS request accounting. */
  usage: UsageService;
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
const isUpload = (c: Context) =>
  c.req.method === "POST" &&
  (/^\/api\/samples\/?$/.test(c.req.path) || /^\/api\/buckets\/[^/]+\/styles\/import\/?$/.test(c.req.path));

function createApiRoutes(deps: ApiDeps) {
  const { people } = deps;
  const sso = people.oidc ? { name: people.oidc.config.displayName } : null;
  return (
    new Hono<ApiEnv>()
      .use("*", (c, next) => (isUpload(c) ? next() : smallBodies(c, next)))
      // Who is calling (cookie or bearer), then the one access table (auth/rules.ts) for every route
      // below: a route without a rule is refused. Mutations from a cookie session also pass the CSRF
      // guard (see http/csrf.ts for what the SPA must send), sign-in included (no login CSRF).
      .use("*", people.auth.identify, authorize(ACCESS_RULES, deps.logger), csrfGuard)
      // The OSS calls a request causes are counted for its principal (usage/request-accounting.ts).
      .use("*", (c, next) => asPrincipal(principalOf(c.var.principal), next))
      .route("/health", healthRoutes)
      .route("/ready", readyRoutes(deps.readiness))
      .route("/session", sessionRoutes(people.auth, sso))
      .route("/auth/oidc", oidcRoutes(people.oidc, people.users, people.events, people.auth, deps.logger))
      .route("/invites", linkRoutes(people.service, people.auth))
      .route("/users", userRoutes(people.users, people.service, people.events))
      .route("/tokens", tokenRoutes(people.tokens, people.events, people.now))
      .route("/sessions", sessionListRoutes(people.sessions, people.events))
      .route("/profile", profileRoutes(people.users, people.sessions, people.events))
      // Before the style routes: `/:bucket/styles/export` must not be read as a style named "export".
      .route("/buckets", fleetBucketRoutes(deps.fleet.service, deps.fleet.bucket))
      .route("/fleet", fleetRoutes(deps.fleet.service))
      .route("/buckets", bucketRoutes(deps.styles))
      .route(
        "/buckets",
        thumbnailRoutes(
          createThumbnails({ preview: deps.preview.service }),
          bucketLookup(deps.preview.buckets),
        ),
      )
      .route("/buckets", objectRoutes(deps.preview))
      .route("/buckets", historyRoutes(deps.history, deps.drafts, deps.settings))
      .route("/samples", sampleRoutes(deps.preview))
      .route("/preview", previewRoutes(deps.preview))
      .route("/validate", validateRoutes)
      .route("/audit", auditRoutes(deps.styles))
      .route("/buckets", bucketUsageRoutes(deps.usage))
      .route("/usage", requestRoutes(deps.usage))
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
