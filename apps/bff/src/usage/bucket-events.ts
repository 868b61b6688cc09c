import type { Kysely } from "kysely";
import { failureText } from "../buckets/upstream-error.ts";
import type { Database } from "../db/schema.ts";
import type { Principal } from "../users/principal.ts";

/**
 * What the console changed on a bucket itself (not on one of its styles): its access logging (in OSS),
 * or its "require review" policy (in the console's own `bucket_settings`, issue 11).
 */
export type BucketAction = "logging.enable" | "logging.disable" | "review.enable" | "review.disable";

/** One change of a bucket's settings as `GET /api/buckets/:bucket/usage/logging/events` shows it. */
export interface BucketEventDto {
  id: number;
  /** ISO time the change was asked for. */
  time: string;
  bucket: string;
  action: string;
  actor: { id: string | null; name: string | null; via: string | null };
  before: unknown;
  after: unknown;
  /** `pending` (the OSS call had not answered yet, or the process died meanwhile), `committed`, `failed`. */
  status: string;
  /** Why it failed. */
  note: string | null;
}

/**
 * Records a change of a bucket setting the console keeps itself (no OSS call, so nothing to write ahead):
 * pass the transaction that makes the change, and the row commits with it, `committed` at once.
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.updateTable("bucket_settings").set({ require_review: true }).where("bucket", "=", "photos").execute();
 *   await recordBucketEvent(trx, principal, "photos", "review.enable", { requireReview: false }, { requireReview: true });
 * });
 */
export async function recordBucketEvent(
  db: Kysely<Database>,
  actor: Pick<Principal, "id" | "displayName" | "via">,
  bucket: string,
  action: BucketAction,
  before: unknown,
  after: unknown,
): Promise<void> {
  await db
    .insertInto("bucket_events")
    .values({
      bucket,
      action,
      actor_id: actor.id,
      actor_name: actor.displayName,
      actor_via: actor.via,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      status: "committed",
      completed_at: new Date(),
    })
    .execute();
}

/**
 * The audit of bucket settings (`bucket_events`), written ahead of the change as the style audit is
 * (`styles/writer.ts`): the row exists, `pending`, before OSS is asked; it ends `committed` or `failed`
 * with the reason. So no change reaches OSS without a record of who asked, even if the process dies.
 */
export class BucketEvents {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records the intent, runs `change`, records its outcome; `change`'s error is rethrown as it was
   * (the note keeps the first 500 characters of its {@link failureText}). An error of the database itself is thrown too: before
   * `change`, nothing is changed; after it, the row stays `pending` (the change's outcome unknown).
   * @example
   * await events.around(principal, "photos", "logging.disable", before, null, () => oss.putLogging(…));
   */
  async around<T>(
    actor: Pick<Principal, "id" | "displayName" | "via"> | null,
    bucket: string,
    action: BucketAction,
    before: unknown,
    after: unknown,
    change: () => Promise<T>,
  ): Promise<T> {
    const row = await this.db
      .insertInto("bucket_events")
      .values({
        bucket,
        action,
        actor_id: actor?.id ?? null,
        actor_name: actor?.displayName ?? null,
        actor_via: actor?.via ?? null,
        before: before === undefined ? null : JSON.stringify(before),
        after: after === undefined ? null : JSON.stringify(after),
        status: "pending",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const finish = (status: "committed" | "failed", note: string | null) =>
      this.db
        .updateTable("bucket_events")
        .set({ status, note, completed_at: new Date() })
        .where("id", "=", row.id)
        .execute();
    let result: T;
    try {
      result = await change();
    } catch (error) {
      // Whatever was thrown (not always an Error), the row ends `failed` and the caller hears it. The note
      // is returned by the events route, so it is the safe text of the failure, never its raw message.
      await finish("failed", failureText(error, bucket).slice(0, 500));
      throw error;
    }
    await finish("committed", null);
    return result;
  }

  /**
   * The newest events of `bucket` about `area` (its actions `<area>.…`), newest first.
   * @example
   * await events.list("photos", "logging", 20); // [{ action: "logging.enable", actor: { name: "Ann" }, … }]
   */
  async list(bucket: string, area: "logging" | "review", limit: number): Promise<BucketEventDto[]> {
    const rows = await this.db
      .selectFrom("bucket_events")
      .selectAll()
      .where("bucket", "=", bucket)
      .where("action", "like", `${area}.%`)
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      time: new Date(r.time).toISOString(),
      bucket: r.bucket,
      action: r.action,
      actor: { id: r.actor_id, name: r.actor_name, via: r.actor_via },
      before: r.before,
      after: r.after,
      status: r.status,
      note: r.note,
    }));
  }
}
