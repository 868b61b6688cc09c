import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import * as usageMigration from "../db/migrations/202611291430_usage.ts";
import type { ScanLocks } from "./scanner.ts";
import type { UsageTables } from "./tables.ts";

/**
 * Test support: a real PostgreSQL database of its own (`usage_<hex>`, on 127.0.0.1:5432 or
 * `TEST_DATABASE_URL`), migrated with the usage migration, dropped afterwards; and the cross-replica
 * lock as PostgreSQL advisory locks.
 */

const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function urlOf(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`No PostgreSQL answers at ${new URL(SERVER_URL).host}: ${(error as Error).message}`);
  }
  try {
    await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A Kysely over its own pool: one "replica". int8 columns read as numbers, as the console does. */
export function connect(url: string, max = 4): Kysely<UsageTables> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === 20 || oid === 1700
          ? Number
          : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
    },
  });
  pool.on("error", () => {});
  return new Kysely<UsageTables>({ dialect: new PostgresDialect({ pool }) });
}

export interface UsageTestDatabase {
  url: string;
  db: Kysely<UsageTables>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database.
 * @example
 * const t = await createUsageTestDatabase(); … await t.drop();
 */
export async function createUsageTestDatabase(): Promise<UsageTestDatabase> {
  const name = `usage_${randomBytes(6).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = urlOf(name);
  const db = connect(url);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ "202611291430_usage": usageMigration }) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return {
    url,
    db,
    drop: async () => {
      await db.destroy();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Cross-replica mutual exclusion as the database feature provides it: a transaction holding
 * `pg_advisory_xact_lock` while the task runs on other connections.
 */
export function advisoryLocks(db: Kysely<UsageTables>): ScanLocks {
  return {
    run: (scope, key, task) =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${scope}), hashtext(${key}))`.execute(trx);
        return task();
      }),
  };
}
