import type { Kysely } from "kysely";
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
