import { type Kysely, sql } from "kysely";
import type { AuditRow } from "../audit/store.ts";
import type { AuditStatus } from "../audit/tables.ts";
import type { ManagedBucket, UpstreamStyle } from "../buckets/bucket-styles.ts";
import type { Database } from "../db/schema.ts";
import type { DeletedStyleDto, VersionDto } from "./dto.ts";

/** Audit statuses that are versions: writes that happened. */
export const APPLIED: readonly AuditStatus[] = ["committed", "reconciled"];

/** What the console last knew of a style: its latest version's state (null content = deleted). */
export interface KnownState {
  content: string | null;
  category: string | null;
  lastModifyTime: Date | null;
}

/**
 * The version a row stands for. A delete keeps what was deleted (its `before_*`), so it can be restored.
 * `username` is the account's (from `users`); an actor that is not an account (a removed user) shows
 * the name recorded with the event.
 * @example
 * toVersionDto(row); // { id: 12, content: "image/resize,w_200", action: "update", source: "console", actor: { id, username }, … }
 */
export function toVersionDto(row: AuditRow, username?: string | null): VersionDto {
  const deleted = row.after_content === null;
  return {
    id: row.id,
    content: (deleted ? row.before_content : row.after_content) ?? "",
    category: (deleted ? row.before_category : row.after_category) ?? "",
    action: row.action,
    source: row.source,
    actor:
      row.actor_id === null
        ? null
        : { id: row.actor_id, username: username ?? row.actor_name ?? row.actor_id },
    at: (row.completed_at ?? row.time).toISOString(),
    comment: row.comment,
    lastModifyTime: row.after_last_modify_time?.toISOString() ?? null,
    deleted,
  };
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Whether OSS's style (undefined: absent) differs from what the console last knew. No knowledge and no
 * style is no difference; content, category or LastModifyTime differing is one.
 */
export function differs(known: KnownState | undefined, now: UpstreamStyle | undefined): boolean {
  const knownExists = known !== undefined && known.content !== null;
  if (!knownExists) return now !== undefined;
  if (now === undefined) return true;
  return (
    known.content !== now.content ||
    (known.category ?? "") !== now.category ||
    !sameTime(known.lastModifyTime, now.lastModifyTime)
  );
}

/** The versions of styles, read from `audit_events`. */
export class VersionStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every version of one style, newest first. */
  async list(bucket: string, style: string): Promise<VersionDto[]> {
    const rows = await this.db
      .selectFrom("audit_events")
      .leftJoin("users", "users.id", "audit_events.actor_id")
      .selectAll("audit_events")
      .select("users.username")
      .where("bucket", "=", bucket)
      .where("style", "=", style)
      .where("status", "in", [...APPLIED])
      .orderBy("audit_events.id", "desc")
      .limit(1000)
      .execute();
    return rows.map((row) => toVersionDto(row, row.username));
  }

  /** One version by id, only when it belongs to this style. */
  async get(bucket: string, style: string, id: number): Promise<VersionDto | undefined> {
    const row = await this.db
      .selectFrom("audit_events")
      .selectAll()
      .where("id", "=", id)
      .where("bucket", "=", bucket)
      .where("style", "=", style)
      .where("status", "in", [...APPLIED])
      .executeTakeFirst();
    return row && toVersionDto(row);
  }

  /** The latest known state of every style of a bucket the console has a version of. */
  async knownStates(bucket: string, style?: string): Promise<Map<string, KnownState>> {
    let query = this.db
      .selectFrom("audit_events")
      .select(["style", "after_content", "after_category", "after_last_modify_time"])
      .distinctOn("style")
      .where("bucket", "=", bucket)
      .where("status", "in", [...APPLIED]);
    if (style !== undefined) query = query.where("style", "=", style);
    const rows = await query.orderBy("style").orderBy("id", "desc").execute();
    return new Map(
      rows.map((r) => [
        r.style,
        { content: r.after_content, category: r.after_category, lastModifyTime: r.after_last_modify_time },
      ]),
    );
  }

  /** Whether a write of this style is still in flight (or was left by a crash). */
  async hasPending(bucket: string, style: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("audit_events")
      .select("id")
      .where("bucket", "=", bucket)
      .where("style", "=", style)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Records a change found in OSS that no console write explains: a version with source `external`
   * and no actor. `before` is the known state, `now` what OSS holds (undefined: deleted).
   */
  async recordExternal(
    target: ManagedBucket,
    name: string,
    before: KnownState | undefined,
    now: UpstreamStyle | undefined,
  ) {
    const knownExists = before !== undefined && before.content !== null;
    const action = now === undefined ? "delete" : knownExists ? "update" : "create";
    await this.db
      .insertInto("audit_events")
      .values({
        bucket: target.name,
        style: name,
        action,
        source: "external",
        actor_id: null,
        actor_name: null,
        actor_via: null,
        before_content: knownExists ? before.content : null,
        before_category: knownExists ? before.category : null,
        before_last_modify_time: knownExists ? before.lastModifyTime : null,
        after_content: now?.content ?? null,
        after_category: now?.category ?? null,
        after_last_modify_time: now?.lastModifyTime ?? null,
        status: "committed",
        completed_at: new Date(),
        comment: null,
        request_id: null,
        note: "found in OSS: changed outside this console",
        legacy_seq: null,
      })
      .execute();
  }

  /**
   * Styles of a bucket whose latest version is a delete, newest first (the "Recently deleted" view).
   * A style recreated since is not listed: its latest version is not a delete any more.
   */
  async deleted(bucket: string, limit = 200): Promise<DeletedStyleDto[]> {
    const latest = this.db
      .selectFrom("audit_events")
      .selectAll()
      .distinctOn("style")
      .where("bucket", "=", bucket)
      .where("status", "in", [...APPLIED])
      .orderBy("style")
      .orderBy("id", "desc")
      .as("latest");
    const rows = await this.db
      .selectFrom(latest)
      .selectAll()
      .where(sql.ref("latest.after_content"), "is", null)
      .orderBy("latest.id", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const v = toVersionDto(row as AuditRow);
      return {
        name: row.style,
        versionId: v.id,
        content: v.content,
        category: v.category,
        deletedAt: v.at,
        actor: v.actor,
        source: v.source,
      };
    });
  }
}
