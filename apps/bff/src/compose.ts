import type { OssClient } from "@style-console/oss";
import type { ApiDeps } from "./app.ts";
import { AuditStore } from "./audit/store.ts";
import type { OidcConfig } from "./auth/oidc.ts";
import type { ThrottlePolicy } from "./auth/throttle.ts";
import type { ManagedBucket } from "./buckets/bucket-styles.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { createLocks } from "./db/locks.ts";
import type { Readiness } from "./db/readiness.ts";
import { createFleet, type FleetOptions } from "./fleet/index.ts";
import { createDraftService } from "./history/drafts.ts";
import { createHistoryService } from "./history/history-service.ts";
import { BucketSettingsStore } from "./history/settings.ts";
import { VersionStore } from "./history/versions.ts";
import type { Logger } from "./platform/logger.ts";
import { version } from "./platform/version.ts";
import { createPreviewDeps, type PreviewConfig } from "./preview/index.ts";
import { ObjectUploadStore, type UploadsLocation } from "./preview/sources/object-uploads.ts";
import { SessionStore } from "./session/session-store.ts";
import { createStyleService } from "./styles/style-service.ts";
import { createStyleWriter } from "./styles/writer.ts";
import { type PriceList, RequestAccounting } from "./usage/request-accounting.ts";
import { createUsageService } from "./usage/usage-service.ts";
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
  /** Uploads as objects every replica reads (`UPLOADS_LOCATION`); unset: files under `preview.uploadsDir`. */
  uploads?: { client: OssClient; location: UploadsLocation; quotaBytes: number } | undefined;
  /**
   * The fleet's jobs (kept in the database): this replica's id (`replicaId(DATA_DIR)`), lease and sweep
   * timings. Their pace is the OSS clients' rate limit (in cloud mode `OSS_QPS`, shared by replicas).
   */
  fleet: Pick<FleetOptions, "replicaId"> & Partial<FleetOptions>;
  /** Sign-in throttling (default: auth/throttle.ts's DEFAULT_THROTTLE). */
  throttle?: ThrottlePolicy;
  /** `TRUST_PROXY`: reverse proxies whose X-Forwarded-For is trusted (default 0: none). */
  trustedProxies?: number;
  /** Single sign-on, when configured. */
  oidc?: OidcConfig | undefined;
  /** How long invite links work (default 7 days). */
  inviteTtlMs?: number;
  /**
   * Style usage and request accounting: the accounting whose `hooks` the OSS clients were built with
   * (one is made otherwise, counting nothing), seconds between background scans (0 = none) and prices.
   */
  usage?: { accounting?: RequestAccounting; scanSeconds?: number; prices?: PriceList };
  now?: () => number;
}

/** The seed's price list: ¥0.0001 a style API request after 1,000 free a month. */
export const SEED_PRICES: PriceList = { freePerMonth: 1000, pricePerRequestCny: 0.0001 };

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
  const locks = createLocks(options.database);
  const writer = createStyleWriter({ audit, locks, logger: options.logger });
  const settings = new BucketSettingsStore(db);
  const history = createHistoryService({
    buckets: options.buckets,
    versions: new VersionStore(db),
    settings,
    writer,
    locks,
    logger: options.logger,
  });
  const drafts = createDraftService({ db, buckets: options.buckets, writer, settings });
  const styles = createStyleService({
    buckets: options.buckets,
    audit,
    writer,
    hooks: {
      listed: history.observer.listed,
      read: history.observer.read,
      beforeWrite: (target) => settings.assertDirectWriteAllowed(target.name),
    },
  });
  const uploadStore =
    options.uploads === undefined ? undefined : new ObjectUploadStore({ db, locks, ...options.uploads });
  const preview = createPreviewDeps({ ...options.preview, buckets: options.buckets, version, uploadStore });
  const fleet = createFleet({
    buckets: options.buckets,
    writer,
    db,
    ...options.fleet,
    logger: options.logger,
  });
  const usage = createUsageService({
    buckets: options.buckets,
    db,
    locks: createLocks(options.database),
    accounting: options.usage?.accounting ?? new RequestAccounting(db),
    prices: options.usage?.prices ?? SEED_PRICES,
    logger: options.logger,
    scanSeconds: options.usage?.scanSeconds ?? 0,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    usage,
    people,
    styles,
    writer,
    history,
    drafts,
    settings,
    preview,
    fleet,
    logger: options.logger,
    database: options.database,
    readiness: options.readiness,
  };
}
