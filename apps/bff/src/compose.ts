import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { ApiDeps } from "./app.ts";
import { AuditStore } from "./audit/store.ts";
import type { ManagedBucket } from "./buckets/bucket-styles.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { createLocks } from "./db/locks.ts";
import type { Readiness } from "./db/readiness.ts";
import type { Logger } from "./platform/logger.ts";
import { version } from "./platform/version.ts";
import { createPreviewDeps, type PreviewConfig } from "./preview/index.ts";
import { createAccess } from "./session/access.ts";
import { FailureLimiter } from "./session/rate-limit.ts";
import { SessionStore } from "./session/session-store.ts";
import { createStyleService } from "./styles/style-service.ts";
import { createStyleWriter } from "./styles/writer.ts";

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
  /** Failed sign-ins allowed per address per window (default 5 per 15 minutes). */
  signInLimit?: { maxFailures: number; windowMs: number };
  now?: () => number;
}

// The socket's address from @hono/node-server. No X-Forwarded-For: it is only trustworthy behind a proxy
// we know, and trusting it blindly would let a guesser pick a fresh "address" for every attempt.
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * Wires the API's parts from plain values: used by `main.ts` with the config, and by tests with a real
 * emulator on a temporary directory.
 * @example
 * const api = createApiDeps({ adminToken, sessionTtlMs: 3_600_000, buckets, database, readiness, logger, preview });
 */
export function createApiDeps(options: ApiDepsOptions): ApiDeps {
  const limit = options.signInLimit ?? { maxFailures: 5, windowMs: 15 * 60 * 1000 };
  const { db } = options.database;
  const access = createAccess({
    adminToken: options.adminToken,
    sessions: new SessionStore(db, options.sessionTtlMs, options.now),
    limiter: new FailureLimiter(db, limit.maxFailures, limit.windowMs, options.now),
    clientAddress: socketAddress,
  });
  const audit = new AuditStore(db);
  const writer = createStyleWriter({ audit, locks: createLocks(options.database), logger: options.logger });
  const styles = createStyleService({ buckets: options.buckets, audit, writer });
  const preview = createPreviewDeps({ ...options.preview, buckets: options.buckets, version });
  return {
    access,
    styles,
    writer,
    preview,
    logger: options.logger,
    database: options.database,
    readiness: options.readiness,
  };
}
