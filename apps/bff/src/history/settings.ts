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
