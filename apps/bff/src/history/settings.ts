import type { SettingsEventAction, SettingsEventDto } from "@style-console/contract/dto";
import type { Via } from "@style-console/contract/people";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { HttpError } from "../http/error.ts";
import { recordBucketEvent } from "../usage/bucket-events.ts";
import type { Principal } from "../users/principal.ts";
import type { BucketSettingsDto } from "./dto.ts";

/** Per-bucket policy in `bucket_settings`; a bucket without a row has the defaults (no review required). */
export class BucketSettingsStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(bucket: string): Promise<BucketSettingsDto> {
    const row = await this.db
      .selectFrom("bucket_settings")
      .select("require_review")
      .where("bucket", "=", bucket)
      .executeTakeFirst();
    return { bucket, requireReview: row?.require_review ?? false };
  }

  /**
   * Sets the bucket's "require review", audited in `bucket_events` (`review.enable` / `review.disable`,
   * who, before and after) in the same transaction: the policy never changes without its record.
   */
  async set(
    bucket: string,
    requireReview: boolean,
    actor: Pick<Principal, "id" | "displayName" | "via">,
  ): Promise<BucketSettingsDto> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("bucket_settings")
        .select("require_review")
        .where("bucket", "=", bucket)
        .forUpdate()
        .executeTakeFirst();
      await trx
        .insertInto("bucket_settings")
        .values({ bucket, require_review: requireReview, updated_by: actor.id })
        .onConflict((oc) =>
          oc
            .column("bucket")
            .doUpdateSet({ require_review: requireReview, updated_by: actor.id, updated_at: new Date() }),
        )
        .execute();
      await recordBucketEvent(
        trx,
        actor,
        bucket,
        requireReview ? "review.enable" : "review.disable",
        { requireReview: row?.require_review ?? false },
        { requireReview },
      );
    });
    return { bucket, requireReview };
  }

  /**
   * The history of the bucket's "require review" switch, newest first: its `review.*` rows of
   * `bucket_events` (never the access-logging ones, which the usage screen lists).
   * @example
   * await settings.events("photos", 20); // [{ action: "review.enable", actor: { name: "Olga" }, … }, …]
   */
  async events(bucket: string, limit: number): Promise<SettingsEventDto[]> {
    const actions: SettingsEventAction[] = ["review.enable", "review.disable"];
    const rows = await this.db
      .selectFrom("bucket_events")
      .select(["id", "time", "action", "actor_id", "actor_name", "actor_via", "before", "after"])
      .where("bucket", "=", bucket)
      .where("action", "in", actions)
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => {
      const after = r.action === "review.enable";
      return {
        id: Number(r.id),
        time: new Date(r.time).toISOString(),
        action: r.action as SettingsEventAction,
        actor: { id: r.actor_id, name: r.actor_name, via: r.actor_via as Via | null },
        requireReview: { before: requireReviewOf(r.before, !after), after },
      };
    });
  }

  /**
   * Refuses a direct change (create, update, delete, restore) of a style in a bucket that requires
   * review: such a change must go through a draft a reviewer publishes (403 `ReviewRequired`).
   */
  async assertDirectWriteAllowed(bucket: string): Promise<void> {
    if (!(await this.get(bucket)).requireReview) return;
    throw new HttpError(
      "ReviewRequired",
      `Bucket "${bucket}" requires review for every change: save a draft and request review instead.`,
    );
  }
}

// `before` is the JSON `{ requireReview }` recordBucketEvent wrote; a row without it (none yet) is read
// as the opposite of the action, which is what a switch means.
function requireReviewOf(value: unknown, fallback: boolean): boolean {
  const field = (value as { requireReview?: unknown } | null)?.requireReview;
  return typeof field === "boolean" ? field : fallback;
}
