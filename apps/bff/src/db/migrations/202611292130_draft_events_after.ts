import type { Kysely } from "kysely";

// Migrations see the database as it was when they were written, never today's `Database` type.

/**
 * `draft_events` records every draft action now (create, edit, review request, send-back, publish,
 * delete), not only the delete: `after` keeps the draft as the action left it (null for a delete), as
 * `before` keeps it as it was (null for a create). The index serves one draft's activity, newest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("draft_events").addColumn("after", "jsonb").execute();
  await db.schema
    .createIndex("draft_events_draft_idx")
    .on("draft_events")
    .columns(["bucket", "draft_id", "id desc"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("draft_events_draft_idx").execute();
  await db.schema.alterTable("draft_events").dropColumn("after").execute();
}
