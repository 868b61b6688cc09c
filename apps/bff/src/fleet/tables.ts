import type { ColumnType } from "kysely";

/**
 * `fleet_jobs`: one row per copy, sync or import plan (a job), shared by every replica so any of them can
 * show its progress, cancel it, or resume it after a restart. The lease (`lease_owner`, `lease_until`)
 * says which replica runs it: a replica applies or resumes a job only after winning the lease with one
 * conditional UPDATE, and renews it while it runs (fleet/jobs/job-store.ts).
 */
export interface FleetJobTable {
  /** A UUID. */
  id: string;
  kind: "copy" | "sync" | "import";
  source: string;
  /** JSON array of bucket names. */
  targets: ColumnType<string[], string, string>;
  /** JSON array: targets asked for that the planner's role may not write (left out of the plan). */
  not_permitted: ColumnType<string[], string, string>;
  /** JSON: the Principal who planned it (only they may apply it; the audit records them). */
  actor: ColumnType<unknown, string, string>;
  state: "planned" | "running" | "done" | "cancelled" | "failed";
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  /** The replica holding the lease (its id from `DATA_DIR/replica-id`), null when none. */
  lease_owner: string | null;
  /** When the lease ends unless renewed (the database's clock). */
  lease_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** Set by a cancel on any replica; the lease holder stops at its next renewal. */
  cancel_requested: ColumnType<boolean, boolean | undefined, boolean>;
}

/** `fleet_job_items`: one row per planned (target, style), its status saved at every durable step. */
export interface FleetJobItemTable {
  job_id: string;
  /** The item's place in the plan (0-based). */
  seq: number;
  target: string;
  name: string;
  action: string;
  reason: string | null;
  /** JSON TargetSnapshot or null. */
  before: ColumnType<unknown, string | null, string | null>;
  /** JSON PortableStyle or null. */
  after: ColumnType<unknown, string | null, string | null>;
  status: string;
  message: string | null;
}

/** The fleet's tables, composed into `Database` by `db/schema.ts`. */
export interface FleetTables {
  fleet_jobs: FleetJobTable;
  fleet_job_items: FleetJobItemTable;
}
