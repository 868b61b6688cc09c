import type { Kysely } from "kysely";

/** The account's OSS request budget per second, shared by every replica (`db/oss-rate.ts`). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("oss_request_windows")
    .addColumn("second", "bigint", (c) => c.primaryKey())
    .addColumn("used", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("oss_request_windows").execute();
}
