import type { ColumnType, Generated } from "kysely";

/**
 * What was done to a style. `create`, `update` and `delete` are the console's own writes; `restore`
 * (history: put an earlier version back), `copy` (between buckets), `import` (from a file or the old
 * JSONL log) and `rename` are added by the features that make them. Stored as text (no CHECK), so a new
 * action needs no migration.
 */
export type AuditAction = "create" | "update" | "delete" | "restore" | "copy" | "import" | "rename";

/** Where the change came from: this console, a change found in OSS that no console made, a copy, an import. */
export type AuditSource = "console" | "external" | "copy" | "import";

/**
 * How the actor proved who they are: a cookie `session` (password or admin-token sign-in), an `api-token`,
 * the `bootstrap-token` (the admin token of `CONSOLE_ADMIN_TOKEN`, sent as a bearer), or `oidc` (a
 * session made by single sign-on).
 */
export type ActorVia = "session" | "api-token" | "bootstrap-token" | "oidc";

/**
 * The write-ahead protocol: a row is `pending` from before the OSS call until after it; then
 * `committed` (the console saw the call succeed), `failed` (it did not happen), or `reconciled` (the
 * process died in between and the next start read OSS and found it had happened).
 */
export type AuditStatus = "pending" | "committed" | "failed" | "reconciled";

/**
 * `audit_events`: one row per change of a style, the base of the audit log, of per-style version
 * history ("history of one style, newest first" is an index scan of `audit_events_style_idx`) and of
 * "who did it". `before_*` / `after_*` are whole versions (content, category and OSS's LastModifyTime),
 * so history can show and restore any version without another source.
 */
export interface AuditEventTable {
  /** Monotonic: newer events have larger ids; also the paging cursor. */
  id: Generated<number>;
  /** When the change was asked for (the intent). */
  time: ColumnType<Date, Date | string | undefined, never>;
  /** When the row left `pending`. */
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  bucket: string;
  style: string;
  action: AuditAction;
  source: AuditSource;
  /** Principal id (user id, token id); null for `external` changes nobody in the console made. */
  actor_id: string | null;
  /** The actor's display name at the time (kept even if the user is renamed or removed later). */
  actor_name: string | null;
  actor_via: ActorVia | null;
  /** The version before the change; null on create. */
  before_content: string | null;
  before_category: string | null;
  before_last_modify_time: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The version after the change (the intent while `pending`); null on delete. */
  after_content: string | null;
  after_category: string | null;
  /** OSS's LastModifyTime after the write; null while pending and on delete. */
  after_last_modify_time: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  status: AuditStatus;
  /** An update sent with `force: true` instead of `expectedLastModifyTime`. */
  forced: Generated<boolean>;
  comment: string | null;
  /** OSS's `x-oss-request-id` of the write, when it answered. */
  request_id: string | null;
  /** Why the row is `failed`, or what reconciliation found. */
  note: string | null;
  /** `seq` of the line in the retired `audit/audit.jsonl` this row was imported from (unique). */
  legacy_seq: number | null;
}

/** The audit feature's tables, composed into `Database` by `db/schema.ts`. */
export interface AuditTables {
  audit_events: AuditEventTable;
}
