import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Principal } from "../users/principal.ts";
import type { DraftDto } from "./dto.ts";

/**
 * The audit of drafts (`draft_events`): who (id, display name, how they acted) did what to which draft,
 * with the draft as it was. Only what leaves no trace elsewhere is recorded: a published draft is a
 * style write, audited in `audit_events` by the style writer.
 */

/** What was done to a draft. */
export type DraftAction = "draft.delete";

/** One change of a draft, as {@link listDraftEvents} returns it. */
export interface DraftEventDto {
  id: number;
  /** ISO time of the change. */
  time: string;
  bucket: string;
  draftId: number;
  style: string;
  action: string;
  actor: { id: string | null; name: string | null; via: string | null };
  /** The draft as it was before the change. */
  before: DraftDto | null;
}

/**
 * Records a change of `draft`. Pass the transaction that makes the change: a removal and its record
 * then commit together, so neither exists without the other.
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.deleteFrom("style_drafts").where("id", "=", draft.id).execute();
 *   await recordDraftEvent(trx, actor, "draft.delete", draft);
 * });
 */
export async function recordDraftEvent(
  db: Kysely<Database>,
  actor: Pick<Principal, "id" | "displayName" | "via">,
  action: DraftAction,
  draft: DraftDto,
): Promise<void> {
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
      before: JSON.stringify(draft),
    })
    .execute();
}

/**
 * The newest draft events of `bucket`, newest first.
 * @example
 * await listDraftEvents(db, "photos", 20); // [{ action: "draft.delete", draftId: 7, actor: { name: "Dana" }, … }]
 */
export async function listDraftEvents(
  db: Kysely<Database>,
  bucket: string,
  limit: number,
): Promise<DraftEventDto[]> {
  const rows = await db
    .selectFrom("draft_events")
    .selectAll()
    .where("bucket", "=", bucket)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    time: new Date(r.time).toISOString(),
    bucket: r.bucket,
    draftId: Number(r.draft_id),
    style: r.style,
    action: r.action,
    actor: { id: r.actor_id, name: r.actor_name, via: r.actor_via },
    before: (r.before as DraftDto | null) ?? null,
  }));
}
