import type { AuditEntryDto, AuditPageDto } from "@style-console/contract/dto";
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Principal } from "../session/principal.ts";
import type { AuditAction, AuditEventTable, AuditSource, AuditStatus } from "./tables.ts";

/** A style version as the audit log keeps it. */
export interface AuditVersion {
  content: string;
  category: string;
  /** OSS's LastModifyTime of this version; null when unknown (imported, or before the write). */
  lastModifyTime: Date | null;
}

/** What a write intends, recorded before the OSS call. */
export interface AuditIntent {
  bucket: string;
  style: string;
  action: AuditAction;
  source?: AuditSource;
  /** null for changes found in OSS that no console made (`source: "external"`). */
  actor: Principal | null;
  before: AuditVersion | null;
  /** The version being written (`category` null: OSS's default, not known before the write); null for a delete. */
  after: { content: string; category: string | null } | null;
  forced?: boolean;
  comment?: string | null;
}

export type AuditRow = Selectable<AuditEventTable>;

export interface AuditQuery {
  bucket?: string | undefined;
  style?: string | undefined;
  limit: number;
  /** Entries with `id` below this (the previous page's `nextCursor`). */
  cursor?: number | undefined;
  /** Which statuses to list; default the writes that happened (`committed`, `reconciled`). */
  statuses?: readonly AuditStatus[] | undefined;
}

const APPLIED: readonly AuditStatus[] = ["committed", "reconciled"];

/**
 * The API's view of a row: the old JSONL fields (`seq`, `tokenId`, …) plus who, how, and the status.
 * @example
 * toAuditEntryDto(row); // { seq: 7, action: "update", actor: { id, name, via }, before: {…}, after: {…}, … }
 */
export function toAuditEntryDto(row: AuditRow): AuditEntryDto {
  const version = (content: string | null, category: string | null, lmt: Date | null) =>
    content === null
      ? null
      : { content, category: category ?? "", lastModifyTime: lmt?.toISOString() ?? null };
  return {
    seq: row.id,
    time: row.time.toISOString(),
    tokenId: row.actor_id ?? "",
    actor:
      row.actor_id === null
        ? null
        : { id: row.actor_id, name: row.actor_name ?? row.actor_id, via: row.actor_via },
    bucket: row.bucket,
    style: row.style,
    action: row.action,
    source: row.source,
    status: row.status,
    forced: row.forced,
    comment: row.comment,
    before: version(row.before_content, row.before_category, row.before_last_modify_time),
    after: version(row.after_content, row.after_category, row.after_last_modify_time),
    requestId: row.request_id,
  };
}

/**
 * The audit log in the database (`audit_events`), written ahead: {@link AuditStore.begin} records the
 * intent (`pending`) before the OSS call, {@link AuditStore.complete} records the outcome after it. A
 * row left pending by a crash is settled by the style writer's reconciliation (`styles/writer.ts`).
 */
export class AuditStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records an intent as `pending`; returns its id. Committed at once (not in the caller's transaction),
   * so it survives a crash of the OSS call that follows.
   * @example
   * const id = await audit.begin({ bucket, style, action: "update", actor, before, after: { content, category } });
   */
  async begin(intent: AuditIntent): Promise<number> {
    const row = await this.db
      .insertInto("audit_events")
      .values({
        bucket: intent.bucket,
        style: intent.style,
        action: intent.action,
        source: intent.source ?? "console",
        actor_id: intent.actor?.id ?? null,
        actor_name: intent.actor?.displayName ?? null,
        actor_via: intent.actor?.via ?? null,
        before_content: intent.before?.content ?? null,
        before_category: intent.before?.category ?? null,
        before_last_modify_time: intent.before?.lastModifyTime ?? null,
        after_content: intent.after?.content ?? null,
        after_category: intent.after?.category ?? null,
        status: "pending",
        forced: intent.forced ?? false,
        comment: intent.comment ?? null,
        request_id: null,
        note: null,
        legacy_seq: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * Settles a pending row: `committed`/`reconciled` with the version OSS now holds (null after a delete),
   * or `failed` with a note. Only a pending row changes; returns false when it was not pending any more.
   */
  async complete(
    id: number,
    outcome:
      | {
          status: "committed" | "reconciled";
          after: AuditVersion | null;
          requestId: string | null;
          note?: string;
        }
      | { status: "failed"; note: string },
  ): Promise<boolean> {
    const values =
      outcome.status === "failed"
        ? { status: outcome.status, note: outcome.note, completed_at: new Date() }
        : {
            status: outcome.status,
            after_content: outcome.after?.content ?? null,
            after_category: outcome.after?.category ?? null,
            after_last_modify_time: outcome.after?.lastModifyTime ?? null,
            request_id: outcome.requestId,
            note: outcome.note ?? null,
            completed_at: new Date(),
          };
    const result = await this.db
      .updateTable("audit_events")
      .set(values)
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Pending rows, oldest first; of one style when `bucket` and `style` are given. */
  pending(bucket?: string, style?: string): Promise<AuditRow[]> {
    let query = this.db.selectFrom("audit_events").selectAll().where("status", "=", "pending");
    if (bucket !== undefined) query = query.where("bucket", "=", bucket);
    if (style !== undefined) query = query.where("style", "=", style);
    return query.orderBy("id", "asc").execute();
  }

  /** One row by id. */
  get(id: number): Promise<AuditRow | undefined> {
    return this.db.selectFrom("audit_events").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /**
   * One page, newest first, optionally for one bucket and/or style: an index range scan
   * (`audit_events_style_idx` / `audit_events_bucket_idx`) whatever the table's size.
   * @example
   * await audit.page({ bucket: "demo-photos", style: "thumb", limit: 20 }); // { entries, nextCursor }
   */
  async page(query: AuditQuery): Promise<AuditPageDto> {
    let select = this.db
      .selectFrom("audit_events")
      .selectAll()
      .where("status", "in", [...(query.statuses ?? APPLIED)]);
    if (query.bucket !== undefined) select = select.where("bucket", "=", query.bucket);
    if (query.style !== undefined) select = select.where("style", "=", query.style);
    if (query.cursor !== undefined) select = select.where("id", "<", query.cursor);
    const rows = await select
      .orderBy("id", "desc")
      .limit(query.limit + 1)
      .execute();
    const entries = rows.slice(0, query.limit).map(toAuditEntryDto);
    const last = entries.at(-1);
    return { entries, nextCursor: rows.length > query.limit && last ? last.seq : null };
  }
}
