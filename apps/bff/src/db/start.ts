import { Hono } from "hono";
import { healthRoutes } from "../http/health-routes.ts";
import { type DatabaseHandle, openDatabase } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";
import { type Readiness, readyRoutes } from "./readiness.ts";

export interface StartDatabaseOptions {
  /** `DATABASE_URL`; unset: the embedded engine under `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  readiness: Readiness;
  log: (line: string) => void;
  /** Wait between attempts while the database cannot be opened or migrated (default 2000 ms). */
  retryMs?: number;
  signal?: AbortSignal;
}

// Errors from pg name the host and the database, never the password; still, show only the message.
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Opens and migrates the database, reporting each step to `readiness` (`database`, `migrations`), and
 * retrying every `retryMs` while the server is unreachable or a migration fails, so `/api/ready` says
 * what is wrong meanwhile instead of the process dying in a restart loop. Adds a live `database` check
 * (a `select 1` per `/api/ready`) once open.
 * @example
 * const handle = await startDatabase({ url: env.DATABASE_URL, dataDir: join(data, "db"), readiness, log });
 */
export async function startDatabase(options: StartDatabaseOptions): Promise<DatabaseHandle> {
  const { readiness } = options;
  const engine = options.url === undefined ? "embedded PGlite" : "PostgreSQL";
  readiness.set("database", false, `opening (${engine})`);
  readiness.set("migrations", false, "waiting for the database");
  for (;;) {
    let handle: DatabaseHandle | undefined;
    let part = "database";
    try {
      handle = await openDatabase({ url: options.url, dataDir: options.dataDir });
      if (handle.seed === "copied")
        options.log("Database: new embedded cluster copied from the prebuilt template");
      else if (handle.seed !== undefined && handle.seed !== "existing")
        options.log(
          `Database: new embedded cluster made by initdb in this process (template: ${handle.seed}); \`pnpm build\` makes the template that avoids it`,
        );
      await handle.ping(10_000);
      readiness.set("database", true, `${engine} answers`);
      part = "migrations";
      readiness.set("migrations", false, "applying");
      const { applied } = await migrateToLatest(handle.db);
      readiness.set(
        "migrations",
        true,
        applied.length === 0 ? "up to date" : `applied ${applied.join(", ")}`,
      );
      if (applied.length > 0)
        options.log(`Database: applied ${applied.length} migration(s): ${applied.join(", ")}`);
      const live = handle;
      readiness.live("database", async () => {
        try {
          await live.ping();
          return { ready: true, detail: `${engine} answers` };
        } catch (error) {
          return { ready: false, detail: `${engine} does not answer: ${describe(error)}` };
        }
      });
      return handle;
    } catch (error) {
      readiness.set(part, false, describe(error));
      options.log(`Database not ready (${part}): ${describe(error)}; retrying`);
      await handle?.close().catch(() => {});
      if (options.signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 2000));
    }
  }
}

/**
 * What the HTTP server answers while start-up runs: `/api/health` (alive), `/api/ready` (503 naming
 * the parts not ready), and 503 `Starting` with `Retry-After: 1` for everything else.
 */
export function startingApp(readiness: Readiness): Hono {
  const app = new Hono();
  app.route("/api/health", healthRoutes);
  app.route("/api/ready", readyRoutes(readiness));
  app.all("*", (c) => {
    c.header("Retry-After", "1");
    return c.json(
      { error: { code: "Starting", message: "The console is starting; /api/ready says what it waits for." } },
      503,
    );
  });
  return app;
}
