// `pnpm --filter @style-console/bff db:migrate`: applies the migrations and exits, without starting the
// console (for a deploy step before the replicas roll). Same configuration as the console: DATABASE_URL,
// else the embedded database under DATA_DIR (stop the console first: only one process may open it).
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, parseEnv } from "../env.ts";
import { openDatabase } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

try {
  const env = parseEnv(process.env);
  const data =
    env.DATA_DIR === undefined
      ? join(repoRoot, ".data")
      : resolve(process.env.INIT_CWD ?? process.cwd(), env.DATA_DIR);
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: join(data, "db"), poolSize: 2 });
  try {
    const { applied } = await migrateToLatest(handle.db);
    console.log(applied.length === 0 ? "Database is up to date." : `Applied: ${applied.join(", ")}`);
  } finally {
    await handle.close();
  }
} catch (error) {
  console.error(
    error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`,
  );
  process.exit(1);
}
