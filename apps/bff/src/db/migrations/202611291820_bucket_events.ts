import { type Kysely, sql } from "kysely";

// Migrations see the database as it was when they were written, never today's `Database` type.

/**
 * `bucket_events`: the audit of changes the console makes to a bucket's own settings (access logging
 * first, issue 13), written ahead of the OSS call like `audit_events` is for styles.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("bucket_events")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("time", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("completed_at", "timestamptz")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("actor_name", "text")
    .addColumn("actor_via", "text")
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending', 'committed', 'failed')`))
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createIndex("bucket_events_bucket_idx")
    .on("bucket_events")
    .columns(["bucket", "id desc"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("bucket_events").execute();
}
