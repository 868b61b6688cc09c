import { openDatabase } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";
import { migrations } from "./migrations/index.ts";

/**
 * The migration names, in the order Kysely applies them: the build stamps the embedded template with
 * them (`dist/pglite-template/MIGRATIONS`), so a template made before a new migration is remade.
 */
export const migrationNames: readonly string[] = Object.keys(migrations).sort();

/**
 * Applies every migration to the PGlite cluster in `dataDir` (made by initdb just before) and closes
 * it: the build runs this on the embedded database's template, so a console's first start copies an
 * already-migrated cluster and finds nothing to apply (decision 030). Opening an existing cluster does
 * not consult any template. Returns the names applied; throws as `migrateToLatest` does.
 * @example
 * await migrateCluster("dist/pglite-template.tmp-123/data"); // ["202611291400_foundation", …]
 */
export async function migrateCluster(dataDir: string): Promise<string[]> {
  const handle = await openDatabase({ dataDir });
  try {
    return (await migrateToLatest(handle.db)).applied;
  } finally {
    await handle.close();
  }
}
