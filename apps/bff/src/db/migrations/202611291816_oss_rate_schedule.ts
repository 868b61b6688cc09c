import type { Kysely } from "kysely";

/**
 * The shared OSS request rate as one schedule (db/oss-rate.ts): `next_at` is the earliest time, in
 * milliseconds of the database's clock, at which the next request may start. It replaces the per-second
 * counters of `oss_request_windows`, which let a window straddling two seconds hold up to twice the rate.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("oss_request_schedule")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("next_at", "double precision", (c) => c.notNull())
    .execute();
  await db.schema.dropTable("oss_request_windows").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("oss_request_windows")
    .addColumn("second", "bigint", (c) => c.primaryKey())
    .addColumn("used", "integer", (c) => c.notNull())
    .execute();
  await db.schema.dropTable("oss_request_schedule").execute();
}
