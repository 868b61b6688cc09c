import { type Kysely, sql } from "kysely";

/**
 * Style drafts and per-bucket settings (issue 11). Versions themselves need no table: they are the
 * committed rows of `audit_events`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("style_drafts")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("style", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("category", "text")
    .addColumn("base_content", "text")
    .addColumn("base_last_modify_time", "timestamptz")
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('draft', 'in_review', 'published', 'rejected')`),
    )
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("review_comment", "text")
    .addColumn("reviewer_id", "text")
    .addColumn("reviewer_name", "text")
    .addColumn("published_version_id", "bigint")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("style_drafts_bucket_idx")
    .on("style_drafts")
    .columns(["bucket", "id desc"])
    .execute();

  await db.schema
    .createTable("bucket_settings")
    .addColumn("bucket", "text", (c) => c.primaryKey())
    .addColumn("require_review", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("bucket_settings").execute();
  await db.schema.dropTable("style_drafts").execute();
}
