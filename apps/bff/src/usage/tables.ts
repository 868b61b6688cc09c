import type { ColumnType, Generated } from "kysely";

/**
 * The usage feature's tables (migration `db/migrations/202611291530_usage.ts`).
 *
 * - `usage_log_objects`: every access-log object the scanner has taken in, per managed bucket — the
 *   scan's position and what makes it idempotent (a key is counted once, by whichever replica inserts it).
 * - `usage_daily`: per bucket, style and UTC day: requests, bytes sent, errors (status ≥ 400), last use.
 * - `usage_malformed`: the first lines of each object that could not be read, with line and column.
 * - `usage_scans`: per bucket, the last scan and how far the logs have been read.
 * - `oss_requests`: every OSS request the console sent, by month (UTC+8, OSS's billing time), API,
 *   bucket and person.
 * - `bucket_events` (migration `202611291820_bucket_events.ts`): the audit of changes to a bucket's
 *   own settings, access logging first; see `bucket-events.ts`.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A counter with a database default: optional on insert. */
type Counter = ColumnType<number, number | undefined, number>;

export interface UsageLogObjectsTable {
  bucket: string;
  key: string;
  /** `read`, or `missing` when the object was gone by the time it was read. */
  status: string;
  hour_start: Timestamp | null;
  lines: number;
  malformed: number;
  style_requests: number;
  scanned_at: Timestamp;
}

export interface UsageDailyTable {
  bucket: string;
  style: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  requests: number;
  bytes_sent: number;
  errors: number;
  last_used: Timestamp;
}

export interface UsageMalformedTable {
  bucket: string;
  key: string;
  line: number;
  column: number;
  message: string;
  excerpt: string;
}

export interface UsageScansTable {
  bucket: string;
  last_scan_at: Timestamp;
  /** The newest log line read (its `Time`), or null before any. */
  scanned_through: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  objects_read: Counter;
  lines_read: Counter;
  malformed_lines: Counter;
}

export interface OssRequestsTable {
  /** `YYYY-MM` in UTC+8. */
  month: string;
  /** OSS's API name (`PutStyle`, `ListObjectsV2`, …). */
  api: string;
  /** `-` for a service-level call. */
  bucket: string;
  principal_id: string;
  principal_name: string;
  requests: number;
}

export interface BucketEventsTable {
  id: Generated<number>;
  time: ColumnType<Date, Date | string | undefined, never>;
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  bucket: string;
  /** `logging.enable`, `logging.disable`. */
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_via: string | null;
  /** The setting before and after the change (JSON, never a secret). */
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  /** `pending` from before the OSS call until after it, then `committed` or `failed`. */
  status: string;
  note: string | null;
}

export interface UsageTables {
  usage_log_objects: UsageLogObjectsTable;
  usage_daily: UsageDailyTable;
  usage_malformed: UsageMalformedTable;
  usage_scans: UsageScansTable;
  oss_requests: OssRequestsTable;
  bucket_events: BucketEventsTable;
}
