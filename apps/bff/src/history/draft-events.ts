import type { DraftEventAction, DraftEventDto } from "@style-console/contract/dto";
import type { Via } from "@style-console/contract/people";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Principal } from "../users/principal.ts";
import type { DraftDto } from "./dto.ts";

/**
 * The audit of drafts (`draft_events`): who (id, display name, how they acted) did what to which draft,
 * with the draft as it was and as the action left it, one row per action, written in the action's own
 * transaction. A published draft is also a style write, audited in `audit_events` by the style writer.
 */

/** What was done to a draft. */
export type DraftAction = DraftEventAction;

/** One change of a draft as stored, with the whole draft before and after ({@link listDraftEvents}). */
export interface DraftEventRecord {
  id: number;
  /** ISO time of the change. */
  time: string;
  bucket: string;
  draftId: number;
  style: string;
  action: string;
  actor: { id: string | null; name: string | null; via: string | null };
  /** The draft as it was before the change; null for a create. */
  before: DraftDto | null;
  /** The draft as the change left it; null for a delete (and for rows written before it was kept). */
  after: DraftDto | null;
}

/**
 * Records a change of a draft. Pass the transaction that makes the change: the change and its record
 * then commit together, so neither exists without the other.
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.deleteFrom("style_drafts").where("id", "=", draft.id).execute();
 *   await recordDraftEvent(trx, actor, "draft.delete", { before: draft, after: null });
 * });
 */
export async function recordDraftEvent(
  db: Kysely<Database>,
  actor: Pick<Principal, "id" | "displayName" | "via">,
  action: DraftAction,
  change: { before: DraftDto; after: DraftDto | null } | { before: null; after: DraftDto },
): Promise<void> {
  // One of the two is a draft (the parameter's type says so; TypeScript does not narrow `??` on it).
  const draft = (change.after ?? change.before) as DraftDto;
  await db
    .insertInto("draft_events")
    .values({
      bucket: draft.bucket,
      draft_id: draft.id,
      style: draft.name,
      action,
      actor_id: actor.id,
      actor_name: actor.displayName,
      actor_via: actor.via,
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
    })
    .execute();
}

type EventRow = Awaited<ReturnType<typeof selectEvents>>[number];

function selectEvents(db: Kysely<Database>, bucket: string, limit: number, draftId?: number) {
  let query = db.selectFrom("draft_events").selectAll().where("bucket", "=", bucket);
  if (draftId !== undefined) query = query.where("draft_id", "=", draftId);
  return query.orderBy("id", "desc").limit(limit).execute();
}

const toRecord = (r: EventRow): DraftEventRecord => ({
  id: Number(r.id),
  time: new Date(r.time).toISOString(),
  bucket: r.bucket,
  draftId: Number(r.draft_id),
  style: r.style,
  action: r.action,
  actor: { id: r.actor_id, name: r.actor_name, via: r.actor_via },
  before: (r.before as DraftDto | null) ?? null,
  after: (r.after as DraftDto | null) ?? null,
});

/**
 * The newest draft events of `bucket`, newest first, with the drafts before and after.
 * @example
 * await listDraftEvents(db, "photos", 20); // [{ action: "draft.delete", draftId: 7, actor: { name: "Dana" }, … }]
 */
export async function listDraftEvents(
  db: Kysely<Database>,
  bucket: string,
  limit: number,
): Promise<DraftEventRecord[]> {
  return (await selectEvents(db, bucket, limit)).map(toRecord);
}

/** What a reviewer wrote with the action: only a send-back's reason and a publish's comment are shown. */
function commentOf(record: DraftEventRecord): string | null {
  if (record.action !== "draft.send-back" && record.action !== "draft.publish") return null;
  return record.after?.reviewComment ?? null;
}

/**
 * One draft's activity, newest first, as the review screen shows it (`DraftEventDto`: no draft content).
 * @example
 * await draftActivity(db, "photos", 7, 20); // [{ action: "draft.send-back", comment: "too small", … }, …]
 */
export async function draftActivity(
  db: Kysely<Database>,
  bucket: string,
  draftId: number,
  limit: number,
): Promise<DraftEventDto[]> {
  return (await selectEvents(db, bucket, limit, draftId)).map((row) => {
    const record = toRecord(row);
    return {
      id: record.id,
      time: record.time,
      draftId: record.draftId,
      action: record.action as DraftEventAction,
      actor: { id: record.actor.id, name: record.actor.name, via: record.actor.via as Via | null },
      status: record.after?.status ?? null,
      comment: commentOf(record),
    };
  });
}
