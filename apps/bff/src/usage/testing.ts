import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { createLocks } from "../db/locks.ts";
import { migrateToLatest } from "../db/migrate.ts";
import type { Database } from "../db/schema.ts";
import type { ScanLocks } from "./scanner.ts";

/**
 * Test support: a real PostgreSQL database of its own (`usage_<hex>`, on 127.0.0.1:5432 or
 * `TEST_DATABASE_URL`), migrated with every migration, dropped afterwards; "replicas" are separate
 * handles (own pools) on it, with the database feature's cross-replica locks.
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
    throw new Error(
      `No PostgreSQL answers at ${new URL(SERVER_URL).host} (${(error as Error).message}): run \`pnpm --filter @style-console/bff test\`, which provisions one, or set TEST_DATABASE_URL.`,
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}

/** One replica's view of the database: its own pool and its locks. */
export interface Replica {
  db: Kysely<Database>;
  locks: ScanLocks;
  close(): Promise<void>;
}

export interface UsageTestDatabase extends Replica {
  url: string;
  /** Another replica on the same database. */
  replica(): Promise<Replica>;
  drop(): Promise<void>;
}

function replicaOf(handle: DatabaseHandle): Replica {
  return { db: handle.db, locks: createLocks(handle), close: () => handle.close() };
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
  const handle = await openDatabase({ url, poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    url,
    ...replicaOf(handle),
    replica: async () => replicaOf(await openDatabase({ url, poolSize: 4 })),
    drop: async () => {
      await handle.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
