import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * Real PostgreSQL for tests: the server `scripts/ensure-postgres.mjs` made sure of (127.0.0.1:5432, or
 * `TEST_DATABASE_URL`). Each test gets its own database, copied from the run's migrated template (made
 * by `global-setup.ts`), and drops it afterwards. Names start with `db_` so they are easy to find.
 */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** `SERVER_URL` with another database name. */
export function urlOf(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the server's maintenance database. */
export async function admin<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `No PostgreSQL answers at ${new URL(SERVER_URL).host} (${(error as Error).message}): run the tests with \`pnpm --filter @style-console/bff test\`, which provisions one, or set TEST_DATABASE_URL.`,
    );
  }
  try {
    return await task(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own (a copy of the run's template, or empty with `empty: true`).
 * @example
 * const { url, drop } = await createTestDatabase();
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `${process.env.TEST_DATABASE_PREFIX ?? "db"}_${randomBytes(6).toString("hex")}`;
  const template = options.empty ? "template0" : inject("templateDatabase");
  await admin((client) => client.query(`create database ${name} template ${template}`));
  return {
    name,
    url: urlOf(name),
    drop: () =>
      admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
