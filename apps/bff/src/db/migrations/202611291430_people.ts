import { type Kysely, sql } from "kysely";

// Migrations see the database as it was when they were written, never today's `Database` type.

/** People: accounts, personal API tokens, invite and reset links, their audit; sessions know their client. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('viewer', 'designer', 'operator', 'admin')`),
    )
    .addColumn("buckets", "jsonb")
    .addColumn("password_hash", "text")
    .addColumn("oidc_subject", "text", (c) => c.unique())
    .addColumn("builtin", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("disabled_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('viewer', 'designer', 'operator', 'admin')`),
    )
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("hint", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz")
    .addColumn("last_used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("api_tokens_user_idx").on("api_tokens").column("user_id").execute();

  await db.schema
    .createTable("account_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('invite', 'reset')`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("account_links_user_idx").on("account_links").column("user_id").execute();

  await db.schema
    .createTable("account_events")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("time", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor_id", "text")
    .addColumn("actor_name", "text")
    .addColumn("actor_via", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("target_name", "text", (c) => c.notNull())
    .addColumn("detail", "jsonb")
    .execute();
  await db.schema
    .createIndex("account_events_target_idx")
    .on("account_events")
    .columns(["target_id", "id desc"])
    .execute();

  // The sessions list shows where and in what a person is signed in.
  await db.schema.alterTable("sessions").addColumn("address", "text").execute();
  await db.schema.alterTable("sessions").addColumn("user_agent", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sessions").dropColumn("user_agent").execute();
  await db.schema.alterTable("sessions").dropColumn("address").execute();
  await db.schema.dropTable("account_events").execute();
  await db.schema.dropTable("account_links").execute();
  await db.schema.dropTable("api_tokens").execute();
  await db.schema.dropTable("users").execute();
}
