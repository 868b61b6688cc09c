import type { Kysely } from "kysely";
import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import { bucketLookup } from "../buckets/managed-buckets.ts";
import type { Database } from "../db/schema.ts";
import type { Logger } from "../platform/logger.ts";
import type { Principal } from "../users/principal.ts";
import { type BucketEventDto, BucketEvents } from "./bucket-events.ts";
import {
  asPrincipal,
  billingMonth,
  type PriceList,
  type RequestAccounting,
  type RequestsReport,
  SYSTEM_PRINCIPAL,
} from "./request-accounting.ts";
import { type ScanLocks, type ScanResult, scanBucket } from "./scanner.ts";
import { type StyleUsageDto, styleUsage } from "./usage-query.ts";

/** A bucket's logging as the console shows it. */
export interface LoggingDto {
  enabled: boolean;
  targetBucket: string | null;
  targetPrefix: string | null;
}

/** `GET /api/buckets/:bucket/usage`. */
export interface BucketUsageDto {
  bucket: string;
  logging: LoggingDto;
  /** ISO time of the newest log line read, or null before any. */
  scannedThrough: string | null;
  /** ISO time of the last scan, or null. */
  lastScanAt: string | null;
  /** Malformed log lines met so far (counted, never fatal). */
  malformedLines: number;
  styles: StyleUsageDto[];
}

export interface UsageServiceOptions {
  buckets: readonly ManagedBucket[];
  db: Kysely<Database>;
  locks: ScanLocks;
  accounting: RequestAccounting;
  prices: PriceList;
  logger: Logger;
  /** Seconds between background scans of every bucket (`USAGE_SCAN_SECONDS`); 0 = none. */
  scanSeconds: number;
  now?: () => number;
}

/**
 * The usage feature's operations: a bucket's style usage, scans (on demand and every `scanSeconds`),
 * turning a bucket's logging on or off, and the month's request report.
 * @example
 * const usage = createUsageService(options); usage.start();
 */
export function createUsageService(options: UsageServiceOptions) {
  const bucketNamed = bucketLookup(options.buckets);
  const events = new BucketEvents(options.db);
  const now = options.now ?? Date.now;
  const scannerDeps = (bucket: ManagedBucket) => ({
    db: options.db,
    source: bucket.logs,
    locks: options.locks,
    styleNames: async () => (await bucket.styles.list()).map((s) => s.name),
    now,
    log: (line: string) => options.logger.error(line),
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function scan(bucket: string): Promise<ScanResult> {
    return scanBucket(scannerDeps(bucketNamed(bucket)), bucket);
  }

  async function scanAll(): Promise<void> {
    for (const bucket of options.buckets) {
      try {
        const result = await asPrincipal(SYSTEM_PRINCIPAL, () =>
          scanBucket(scannerDeps(bucket), bucket.name),
        );
        if (result.objects > 0 || result.malformed > 0)
          options.logger.info(
            `usage scan ${bucket.name}: ${result.objects} log object(s), ${result.lines} line(s), ${result.malformed} malformed`,
          );
      } catch (error) {
        options.logger.error(`usage scan ${bucket.name} failed: ${(error as Error).message}`);
      }
    }
  }

  return {
    scan,

    async usage(bucket: string, days: number): Promise<BucketUsageDto> {
      const managed = bucketNamed(bucket);
      // The two OSS calls and the two queries all run at once.
      const names = managed.styles.list().then((styles) => styles.map((s) => s.name));
      const [logging, scanRow, styles] = await Promise.all([
        managed.logs.getLogging(bucket),
        options.db.selectFrom("usage_scans").selectAll().where("bucket", "=", bucket).executeTakeFirst(),
        styleUsage(options.db, bucket, names, { now: now(), days }),
      ]);
      return {
        bucket,
        logging: {
          enabled: logging !== undefined,
          targetBucket: logging?.targetBucket ?? null,
          targetPrefix: logging?.targetPrefix ?? null,
        },
        scannedThrough: scanRow?.scanned_through ? new Date(scanRow.scanned_through).toISOString() : null,
        lastScanAt: scanRow?.last_scan_at ? new Date(scanRow.last_scan_at).toISOString() : null,
        malformedLines: Number(scanRow?.malformed_lines ?? 0),
        styles,
      };
    },

    /**
     * Turns logging on (to `targetBucket`/`targetPrefix`) or off; answers the new state. The change is
     * audited in `bucket_events` (who, before, after), written before OSS is asked.
     */
    async setLogging(
      actor: Pick<Principal, "id" | "displayName" | "via"> | null,
      bucket: string,
      change: { enabled: true; targetBucket: string; targetPrefix: string } | { enabled: false },
    ): Promise<LoggingDto> {
      const logs = bucketNamed(bucket).logs;
      const current = await logs.getLogging(bucket);
      const before: LoggingDto = {
        enabled: current !== undefined,
        targetBucket: current?.targetBucket ?? null,
        targetPrefix: current?.targetPrefix ?? null,
      };
      const after: LoggingDto = change.enabled
        ? { enabled: true, targetBucket: change.targetBucket, targetPrefix: change.targetPrefix }
        : { enabled: false, targetBucket: null, targetPrefix: null };
      await events.around(
        actor,
        bucket,
        change.enabled ? "logging.enable" : "logging.disable",
        before,
        after,
        () =>
          logs.putLogging(
            bucket,
            change.enabled
              ? { targetBucket: change.targetBucket, targetPrefix: change.targetPrefix }
              : undefined,
          ),
      );
      options.logger.info(
        change.enabled
          ? `${actor?.displayName ?? "unknown"} enabled access logging of ${bucket} to ${change.targetBucket}/${change.targetPrefix}`
          : `${actor?.displayName ?? "unknown"} disabled access logging of ${bucket}`,
      );
      return after;
    },

    /** The audit of a bucket's logging changes, newest first. */
    loggingEvents(bucket: string, limit: number): Promise<BucketEventDto[]> {
      bucketNamed(bucket);
      // Only logging's: the review policy's changes share the table (`review.*`), not this screen.
      return events.list(bucket, "logging", limit);
    },

    requests(month: string | undefined): Promise<RequestsReport> {
      return options.accounting.report(month ?? billingMonth(now()), options.prices);
    },

    /** Starts the background scans (every `scanSeconds`) and the accounting's writes. */
    start(): void {
      options.accounting.start();
      if (options.scanSeconds <= 0) return;
      timer = setInterval(() => {
        running ??= scanAll().finally(() => {
          running = undefined;
        });
      }, options.scanSeconds * 1000);
      timer.unref();
    },

    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
      await options.accounting.stop().catch(() => {});
    },
  };
}

export type UsageService = ReturnType<typeof createUsageService>;
