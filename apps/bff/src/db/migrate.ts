import { type Kysely, sql } from "kysely";
import { type MigrationResultSet, Migrator } from "kysely/migration";
import { migrations } from "./migrations/index.ts";

/**
 * Brings the schema to the latest migration. Safe when several replicas start at once: Kysely's Migrator
 * takes its migration lock first (a PostgreSQL advisory lock; PGlite has one connection, used only by
 * the migrator meanwhile), so one replica migrates and the others find nothing left to do. Returns the
 * names applied by this call; throws with the failing migration's name and error.
 * @example
 * const { applied } = await migrateToLatest(handle.db); // ["202611291400_foundation"] on a new database
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<{ applied: string[] }> {
  if (await upToDate(db)) return { applied: [] };
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const applied = (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  if (result.error !== undefined) {
    const failed =
      result.results?.find((r) => r.status === "Error")?.migrationName ?? "(before any migration)";
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Database migration ${failed} failed: ${message}`);
  }
  return { applied };
}

// Every start of an up-to-date database (all starts but the first after an upgrade) reads the applied
// names once instead of running the Migrator, whose table checks, lock and bookkeeping cost ~0.2–0.4 s
// of CPU on the embedded engine (decision 030). Only the exact list counts as up to date: anything else
// (no table yet, one missing, one unknown) goes through the Migrator, its lock and its checks.
// biome-ignore lint/suspicious/noExplicitAny: any schema
async function upToDate(db: Kysely<any>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((row) => row.name));
    const names = Object.keys(migrations);
    return applied.size === names.length && names.every((name) => applied.has(name));
  } catch {
    return false;
  }
}
