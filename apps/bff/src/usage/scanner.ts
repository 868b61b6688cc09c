import {
  accessLogListMarker,
  type MalformedLine,
  parseAccessLogObjectName,
  readLogLineBatches,
} from "@style-console/oss/access-log";
import { type Kysely, sql } from "kysely";
import type { LogSource } from "../buckets/oss-bucket-logs.ts";
import { failureText, scrubUpstreamText } from "../buckets/upstream-error.ts";
import type { Database } from "../db/schema.ts";
import { UsageAggregate } from "./aggregate.ts";

/**
 * Reads the new access-log objects of a managed bucket into the usage index (reference
 * oss-logging-buckets.md §2): incremental, idempotent, safe with several replicas.
 *
 * - Position: every object taken in is a row of `usage_log_objects`. A scan lists the target bucket from
 *   two days before the newest hour already read (OSS delivers within 48 h and may put a line in a
 *   neighbouring hour's object, §2.2) and reads only keys not yet recorded.
 * - Exactness: one object is one transaction — its row is inserted first (`on conflict do nothing`), and
 *   its counters are added only if that insert won. Two replicas racing on the same object add it once;
 *   an object whose read fails half-way adds nothing and is read again next time.
 * - One replica at a time per bucket: the scan holds a lock (`usage-scan`, bucket) across replicas, so
 *   they do not read the same objects twice for nothing.
 * - An object deleted before it is read is recorded as `missing` and reported; malformed lines are
 *   counted and their first lines kept with line and column, never fatal.
 */

/** Mutual exclusion across replicas (the database's `DistributedLocks`). */
export interface ScanLocks {
  run<T>(scope: string, key: string, task: () => Promise<T>): Promise<T>;
}

/** What one scan did. */
export interface ScanResult {
  bucket: string;
  /** Log objects read into the index by this scan. */
  objects: number;
  lines: number;
  malformed: number;
  styleRequests: number;
  /** Objects listed but gone by the time they were read. */
  missing: string[];
  /** The first malformed lines of this scan, with object key, line and column. */
  malformedSamples: Array<MalformedLine & { key: string }>;
  /** ISO time of the newest log line read so far (this scan or earlier), or null. */
  scannedThrough: string | null;
  /** Logging was off: nothing to read. */
  loggingEnabled: boolean;
  /**
   * What limited this scan without stopping it. `delimiters-unreadable`: the bucket's style delimiters
   * could not be read (`detail` says why), so uses through a delimiter (`photo.jpg!name`) were not counted.
   */
  warnings: Array<{ kind: "delimiters-unreadable"; detail: string }>;
}

export interface ScannerDeps {
  db: Kysely<Database>;
  source: LogSource;
  locks: ScanLocks;
  /** The bucket's style names, for the delimiter form (read only when delimiters are configured). */
  styleNames: (bucket: string) => Promise<string[]>;
  now?: () => number;
  /** The server log: what a warning shows only by its kind is written here in full. */
  log?: (line: string) => void;
}

const LOOKBACK_MS = 49 * 3600_000;

/**
 * Scans one bucket's new log objects.
 * @example
 * const result = await scanBucket(deps, "photos"); // { objects: 3, lines: 1200, malformed: 0, … }
 */
export function scanBucket(deps: ScannerDeps, bucket: string, signal?: AbortSignal): Promise<ScanResult> {
  return deps.locks.run("usage-scan", bucket, () => scanLocked(deps, bucket, signal));
}

async function scanLocked(deps: ScannerDeps, bucket: string, signal?: AbortSignal): Promise<ScanResult> {
  const { db, source } = deps;
  const result: ScanResult = {
    bucket,
    objects: 0,
    lines: 0,
    malformed: 0,
    styleRequests: 0,
    missing: [],
    malformedSamples: [],
    scannedThrough: null,
    loggingEnabled: false,
    warnings: [],
  };
  const logging = await source.getLogging(bucket);
  if (logging) {
    result.loggingEnabled = true;
    let delimiters: string[] = [];
    try {
      delimiters = await source.styleDelimiters(bucket);
    } catch (error) {
      // A missing permission (oss:GetProcessConfiguration) must not stop the count of the other forms.
      deps.log?.(`usage scan ${bucket}: delimiters unreadable: ${scrubUpstreamText(String(error))}`);
      result.warnings.push({
        kind: "delimiters-unreadable",
        // Shown to the person: never the raw text of whatever failed (it may quote a signed request).
        detail: failureText(error, bucket),
      });
    }
    const names = delimiters.length > 0 ? new Set(await deps.styleNames(bucket)) : new Set<string>();
    const isStyle = (name: string) => names.has(name);
    const newest = await db
      .selectFrom("usage_log_objects")
      .select((eb) => eb.fn.max("hour_start").as("hour"))
      .where("bucket", "=", bucket)
      .executeTakeFirst();
    const newestHour = newest?.hour ? new Date(newest.hour).getTime() : undefined;
    const prefix = `${logging.targetPrefix}${bucket}`;
    const startAfter =
      newestHour === undefined
        ? undefined
        : accessLogListMarker(logging.targetPrefix, bucket, newestHour - LOOKBACK_MS);
    const candidates: string[] = [];
    for await (const key of source.list(logging.targetBucket, prefix, startAfter)) {
      if (parseAccessLogObjectName(key, logging.targetPrefix, bucket)) candidates.push(key);
    }
    const known = new Set<string>();
    for (let i = 0; i < candidates.length; i += 500) {
      const rows = await db
        .selectFrom("usage_log_objects")
        .select("key")
        .where("bucket", "=", bucket)
        .where("key", "in", candidates.slice(i, i + 500))
        .execute();
      for (const row of rows) known.add(row.key);
    }
    for (const key of candidates) {
      if (known.has(key)) continue;
      signal?.throwIfAborted();
      const hourStart = parseAccessLogObjectName(key, logging.targetPrefix, bucket)?.hourStart ?? null;
      const body = await source.read(logging.targetBucket, key, signal);
      if (!body) {
        if (await commitObject(db, bucket, key, hourStart, undefined)) result.missing.push(key);
        continue;
      }
      const aggregate = new UsageAggregate(delimiters, isStyle);
      for await (const lines of readLogLineBatches(body))
        for (const line of lines) aggregate.addLine(line.text, line.number, line.overlong);
      if (!(await commitObject(db, bucket, key, hourStart, aggregate))) continue;
      result.objects++;
      result.lines += aggregate.lines;
      result.malformed += aggregate.malformed;
      result.styleRequests += aggregate.styleRequests;
      for (const sample of aggregate.samples) {
        if (result.malformedSamples.length < 50) result.malformedSamples.push({ ...sample, key });
      }
    }
  }
  const scan = await db
    .selectFrom("usage_scans")
    .select("scanned_through")
    .where("bucket", "=", bucket)
    .executeTakeFirst();
  result.scannedThrough = scan?.scanned_through ? new Date(scan.scanned_through).toISOString() : null;
  await db
    .insertInto("usage_scans")
    .values({ bucket, last_scan_at: new Date(deps.now?.() ?? Date.now()) })
    .onConflict((oc) =>
      oc.column("bucket").doUpdateSet({ last_scan_at: (eb) => eb.ref("excluded.last_scan_at") }),
    )
    .execute();
  return result;
}

/**
 * Records one object and adds its counters, in one transaction; false when another scan had already
 * recorded it (then nothing is added).
 */
async function commitObject(
  db: Kysely<Database>,
  bucket: string,
  key: string,
  hourStart: number | null,
  aggregate: UsageAggregate | undefined,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("usage_log_objects")
      .values({
        bucket,
        key,
        status: aggregate ? "read" : "missing",
        hour_start: hourStart === null ? null : new Date(hourStart),
        lines: aggregate?.lines ?? 0,
        malformed: aggregate?.malformed ?? 0,
        style_requests: aggregate?.styleRequests ?? 0,
        scanned_at: new Date(),
      })
      .onConflict((oc) => oc.columns(["bucket", "key"]).doNothing())
      .returning("key")
      .executeTakeFirst();
    if (!inserted || !aggregate) return inserted !== undefined;
    const counters = aggregate.counters;
    for (let i = 0; i < counters.length; i += 1000) {
      await trx
        .insertInto("usage_daily")
        .values(
          counters.slice(i, i + 1000).map((c) => ({
            bucket,
            style: c.style,
            day: c.day,
            requests: c.requests,
            bytes_sent: c.bytesSent,
            errors: c.errors,
            last_used: new Date(c.lastUsed),
          })),
        )
        .onConflict((oc) =>
          oc.columns(["bucket", "style", "day"]).doUpdateSet({
            requests: sql`usage_daily.requests + excluded.requests`,
            bytes_sent: sql`usage_daily.bytes_sent + excluded.bytes_sent`,
            errors: sql`usage_daily.errors + excluded.errors`,
            last_used: sql`greatest(usage_daily.last_used, excluded.last_used)`,
          }),
        )
        .execute();
    }
    if (aggregate.samples.length > 0) {
      await trx
        .insertInto("usage_malformed")
        .values(
          aggregate.samples.map((s) => ({
            bucket,
            key,
            line: s.line,
            column: s.column,
            message: s.message,
            excerpt: s.excerpt,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const newest = aggregate.newest > 0 ? new Date(aggregate.newest) : null;
    await trx
      .insertInto("usage_scans")
      .values({
        bucket,
        last_scan_at: new Date(),
        scanned_through: newest,
        objects_read: 1,
        lines_read: aggregate.lines,
        malformed_lines: aggregate.malformed,
      })
      .onConflict((oc) =>
        oc.column("bucket").doUpdateSet({
          scanned_through: sql`greatest(usage_scans.scanned_through, excluded.scanned_through)`,
          objects_read: sql`usage_scans.objects_read + 1`,
          lines_read: sql`usage_scans.lines_read + excluded.lines_read`,
          malformed_lines: sql`usage_scans.malformed_lines + excluded.malformed_lines`,
        }),
      )
      .execute();
    return true;
  });
}
