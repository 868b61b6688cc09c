import { type Kysely, sql } from "kysely";

// Migrations see the database as it was when they were written, never today's `Database` type.

/**
 * `draft_events`: the audit of what people do to drafts that never reaches OSS (a draft dropped
 * first). A draft's publication is a style write and stays in `audit_events`; this keeps who removed
 * which draft, and the draft as it was, once its `style_drafts` row is gone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("draft_events")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("time", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("draft_id", "bigint", (c) => c.notNull())
    .addColumn("style", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("actor_name", "text")
    .addColumn("actor_via", "text")
    .addColumn("before", "jsonb")
    .execute();
  await db.schema
    .createIndex("draft_events_bucket_idx")
    .on("draft_events")
    .columns(["bucket", "id desc"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("draft_events").execute();
}
