import { type Kysely, sql } from "kysely";

// Migrations see the database as it was when they were written, never today's `Database` type: a
// later change of a table's type must not change what an old migration does.

/** The audit log (base of style history), cookie sessions and sign-in throttling. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audit_events")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("time", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("completed_at", "timestamptz")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("style", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().defaultTo("console"))
    .addColumn("actor_id", "text")
    .addColumn("actor_name", "text")
    .addColumn("actor_via", "text")
    .addColumn("before_content", "text")
    .addColumn("before_category", "text")
    .addColumn("before_last_modify_time", "timestamptz")
    .addColumn("after_content", "text")
    .addColumn("after_category", "text")
    .addColumn("after_last_modify_time", "timestamptz")
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('pending', 'committed', 'failed', 'reconciled')`),
    )
    .addColumn("forced", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("comment", "text")
    .addColumn("request_id", "text")
    .addColumn("note", "text")
    .addColumn("legacy_seq", "bigint", (c) => c.unique())
    .execute();
  // History of one style, newest first; and the newest events of a bucket.
  await db.schema
    .createIndex("audit_events_style_idx")
    .on("audit_events")
    .columns(["bucket", "style", "id desc"])
    .execute();
  await db.schema
    .createIndex("audit_events_bucket_idx")
    .on("audit_events")
    .columns(["bucket", "id desc"])
    .execute();
  // What reconciliation reads (at start, and per style before each write): the few rows still pending.
  await db.schema
    .createIndex("audit_events_pending_idx")
    .on("audit_events")
    .columns(["bucket", "style"])
    .where(sql.ref("status"), "=", "pending")
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("principal_id", "text", (c) => c.notNull())
    .addColumn("principal_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("via", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_expires_at_idx").on("sessions").column("expires_at").execute();
  await db.schema.createIndex("sessions_principal_idx").on("sessions").column("principal_id").execute();

  await db.schema
    .createTable("sign_in_failures")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("reset_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("sign_in_failures").execute();
  await db.schema.dropTable("sessions").execute();
  await db.schema.dropTable("audit_events").execute();
}
