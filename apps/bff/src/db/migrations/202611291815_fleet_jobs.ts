import type { Kysely } from "kysely";

/** Fleet jobs and their items in the shared database, with a lease per job (issue 12, fleet/tables.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("fleet_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("targets", "jsonb", (c) => c.notNull())
    .addColumn("not_permitted", "jsonb", (c) => c.notNull())
    .addColumn("actor", "jsonb", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "timestamptz")
    .addColumn("cancel_requested", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex("fleet_jobs_created_at").on("fleet_jobs").column("created_at").execute();
  await db.schema
    .createTable("fleet_job_items")
    .addColumn("job_id", "text", (c) => c.notNull().references("fleet_jobs.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("message", "text")
    .addPrimaryKeyConstraint("fleet_job_items_pkey", ["job_id", "seq"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("fleet_job_items").execute();
  await db.schema.dropTable("fleet_jobs").execute();
}
