import type { ApiDeps } from "./app.ts";
import { AuditStore } from "./audit/store.ts";
import type { OidcConfig } from "./auth/oidc.ts";
import type { ThrottlePolicy } from "./auth/throttle.ts";
import type { ManagedBucket } from "./buckets/bucket-styles.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { createLocks } from "./db/locks.ts";
import type { Readiness } from "./db/readiness.ts";
import type { Logger } from "./platform/logger.ts";
import { version } from "./platform/version.ts";
import { createPreviewDeps, type PreviewConfig } from "./preview/index.ts";
import { SessionStore } from "./session/session-store.ts";
import { createStyleService } from "./styles/style-service.ts";
import { createStyleWriter } from "./styles/writer.ts";
import { createPeople } from "./users/people.ts";

export interface ApiDepsOptions {
  adminToken: string;
  sessionTtlMs: number;
  buckets: readonly ManagedBucket[];
  /** The open, migrated database (`db/database.ts`, `db/migrate.ts`). */
  database: DatabaseHandle;
  /** What `/api/ready` reports; `main.ts` fills it during start-up. */
  readiness: Readiness;
  logger: Logger;
  /** The preview's sources and tuning: samples folder, uploads folder (in the data directory), queue and caches. */
  preview: PreviewConfig & { samplesDir: string; uploadsDir: string };
  /** Sign-in throttling (default: auth/throttle.ts's DEFAULT_THROTTLE). */
  throttle?: ThrottlePolicy;
  /** `TRUST_PROXY`: reverse proxies whose X-Forwarded-For is trusted (default 0: none). */
  trustedProxies?: number;
  /** Single sign-on, when configured. */
  oidc?: OidcConfig | undefined;
  /** How long invite links work (default 7 days). */
  inviteTtlMs?: number;
  now?: () => number;
}

/**
 * Wires the API's parts from plain values: used by `main.ts` with the config, and by tests with a real
 * emulator on a temporary directory. Call `api.people.ensureBootstrap()` once before serving.
 * @example
 * const api = createApiDeps({ adminToken, sessionTtlMs: 3_600_000, buckets, database, readiness, logger, preview });
 */
export function createApiDeps(options: ApiDepsOptions): ApiDeps {
  const { db } = options.database;
  const people = createPeople({
    db,
    sessions: new SessionStore(db, options.sessionTtlMs, options.now),
    adminToken: options.adminToken,
    ...(options.trustedProxies === undefined ? {} : { trustedProxies: options.trustedProxies }),
    ...(options.throttle === undefined ? {} : { throttle: options.throttle }),
    ...(options.inviteTtlMs === undefined ? {} : { inviteTtlMs: options.inviteTtlMs }),
    ...(options.now === undefined ? {} : { now: options.now }),
    oidc: options.oidc,
  });
  const audit = new AuditStore(db);
  const writer = createStyleWriter({ audit, locks: createLocks(options.database), logger: options.logger });
  const styles = createStyleService({ buckets: options.buckets, audit, writer });
  const preview = createPreviewDeps({ ...options.preview, buckets: options.buckets, version });
  return {
    people,
    styles,
    writer,
    preview,
    logger: options.logger,
    database: options.database,
    readiness: options.readiness,
  };
}
