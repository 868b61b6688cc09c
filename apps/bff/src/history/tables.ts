import type { ColumnType, Generated } from "kysely";

/**
 * Where a draft stands: `draft` (its author is still working on it), `in_review` ("Request review" sent
 * it to operators), `published` (an operator wrote it to OSS), `rejected` (sent back with a comment; the
 * author may edit it and ask again).
 */
export type DraftStatus = "draft" | "in_review" | "published" | "rejected";

/**
 * `style_drafts`: a proposed version of a new or existing style, kept on the server until it is
 * published or dropped. `base_last_modify_time` is the LastModifyTime of the version the draft started
 * from (null for a new style): publishing is refused (409) when OSS holds another version by then.
 */
export interface StyleDraftTable {
  id: Generated<number>;
  bucket: string;
  style: string;
  content: string;
  category: string | null;
  base_content: string | null;
  base_last_modify_time: ColumnType<Date | null, Date | string | null, Date | string | null>;
  status: DraftStatus;
  author_id: string;
  author_name: string;
  /** The author's note when asking for review. */
  note: string | null;
  /** The reviewer's comment when sending it back (or publishing). */
  review_comment: string | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  /** The audit event (= version) publishing made. */
  published_version_id: number | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** `bucket_settings`: per-bucket policy. A bucket without a row has the defaults. */
export interface BucketSettingsTable {
  bucket: string;
  /** Every change goes through a draft and a reviewer who is not its author. */
  require_review: boolean;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

/**
 * `draft_events` (migrations `202611292100_draft_events.ts`, `202611292130_draft_events_after.ts`): the
 * audit of every draft action, one row per action written in the action's transaction. See `draft-events.ts`.
 */
export interface DraftEventTable {
  id: Generated<number>;
  time: ColumnType<Date, Date | string | undefined, never>;
  bucket: string;
  draft_id: number;
  style: string;
  /** A {@link import("./draft-events.ts").DraftAction}: `draft.create`, `draft.delete`, … */
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_via: string | null;
  /** The draft as it was before the change (its DTO, as JSON); null for a create. */
  before: ColumnType<unknown, string | null, string | null>;
  /** The draft as the change left it (migration `202611292130_draft_events_after.ts`); null for a delete. */
  after: ColumnType<unknown, string | null | undefined, string | null>;
}

/** The history feature's tables, composed into `Database` by `db/schema.ts`. */
export interface HistoryTables {
  style_drafts: StyleDraftTable;
  bucket_settings: BucketSettingsTable;
  draft_events: DraftEventTable;
}
