import { type Kysely, sql } from "kysely";

// Migrations see the database as it was when they were written, never today's `Database` type.

/** Usage of styles from the access logs, and the console's own OSS requests (issue 13). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("usage_log_objects")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('read', 'missing')`))
    .addColumn("hour_start", "timestamptz")
    .addColumn("lines", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("malformed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("style_requests", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("scanned_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("usage_log_objects_pk", ["bucket", "key"])
    .execute();
  await db.schema
    .createTable("usage_daily")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("style", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull().check(sql`day ~ '^\\d{4}-\\d{2}-\\d{2}$'`))
    .addColumn("requests", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("bytes_sent", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("errors", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("last_used", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("usage_daily_pk", ["bucket", "style", "day"])
    .execute();
  await db.schema
    .createIndex("usage_daily_bucket_day_idx")
    .on("usage_daily")
    .columns(["bucket", "day"])
    .execute();
  await db.schema
    .createTable("usage_malformed")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("column", "integer", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("excerpt", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("usage_malformed_pk", ["bucket", "key", "line"])
    .execute();
  await db.schema
    .createTable("usage_scans")
    .addColumn("bucket", "text", (c) => c.primaryKey())
    .addColumn("last_scan_at", "timestamptz", (c) => c.notNull())
    .addColumn("scanned_through", "timestamptz")
    .addColumn("objects_read", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("lines_read", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("malformed_lines", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("oss_requests")
    .addColumn("month", "text", (c) => c.notNull().check(sql`month ~ '^\\d{4}-\\d{2}$'`))
    .addColumn("api", "text", (c) => c.notNull())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("principal_id", "text", (c) => c.notNull())
    .addColumn("principal_name", "text", (c) => c.notNull())
    .addColumn("requests", "bigint", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("oss_requests_pk", ["month", "api", "bucket", "principal_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["oss_requests", "usage_scans", "usage_malformed", "usage_daily", "usage_log_objects"])
    await db.schema.dropTable(table).ifExists().execute();
}
