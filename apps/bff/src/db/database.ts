import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect, sql } from "kysely";
import type pg from "pg";
import type { Database } from "./schema.ts";
import { DEFAULT_TEMPLATE_DIR, type SeedOutcome, seedFromTemplate } from "./template.ts";

/** Which engine a {@link DatabaseHandle} runs on. */
export type DatabaseEngine = "pglite" | "postgres";

export interface OpenDatabaseOptions {
  /**
   * `postgres://…` (or `postgresql://…`): a PostgreSQL server, shared by every replica. Unset: PGlite
   * (PostgreSQL compiled to WebAssembly) embedded in this process, its files under `dataDir`.
   */
  url?: string | undefined;
  /** Where the embedded engine keeps its files; `memory://` for a throw-away in-memory database (tests). */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL (default 10). The per-style locks use a pool of their own. */
  poolSize?: number | undefined;
  /**
   * The embedded engine's prebuilt cluster, copied into a new `dataDir` instead of running initdb in
   * this process (default `apps/bff/dist/pglite-template`, made by `pnpm build`; see `template.ts`).
   */
  templateDir?: string | undefined;
  /**
   * Size of the per-style locks' pool (PostgreSQL; default 16, and never below `poolSize`). Each locked
   * write holds one of its connections through the write's OSS calls, so it bounds the style writes in
   * flight: a fleet copy keeps 16 going to use `OSS_QPS` (connections are opened only as needed).
   */
  lockPoolSize?: number | undefined;
}

/**
 * The console's database: one Kysely instance typed by {@link Database}, on either engine. Both speak
 * the same PostgreSQL dialect, so one set of migrations and queries serves both.
 */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly engine: DatabaseEngine;
  /**
   * How the embedded engine's cluster came to be: `copied` from the template, `existing`, or (no
   * usable template: `no-template`, `other-version`, `not-empty`) made by PGlite's initdb. Unset on
   * PostgreSQL and in memory.
   */
  readonly seed?: SeedOutcome;
  /**
   * A second Kysely on its own small pool (PostgreSQL only; the same instance on PGlite), for work that
   * holds a connection while waiting on something else: the per-style advisory locks. Keeping it apart
   * means a burst of locked writes can never take every connection the writes themselves need.
   */
  readonly lockDb: Kysely<Database>;
  /** Resolves when the database answers a trivial query within `timeoutMs` (default 2000); throws otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

// int8 (bigint) columns hold ids and byte counts far below 2^53: read them as numbers on both engines.
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// The embedded engine serves one console process: a small shared_buffers keeps its WebAssembly heap
// (and so the BFF's RSS) small; PostgreSQL's default of 128 MB would dominate the process.
const PGLITE_CONF = ["shared_buffers=16MB", "wal_buffers=1MB", "work_mem=4MB", "maintenance_work_mem=16MB"];

/**
 * Tells whether `url` names a PostgreSQL server.
 * @example
 * isPostgresUrl("postgres://postgres@127.0.0.1:5432/console"); // true
 */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

// Loaded only with DATABASE_URL: the embedded default's start skips its ~0.1 s of CPU (decision 030).
async function postgresPool(url: string, max: number): Promise<pg.Pool> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? Number
          : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client whose server went away emits 'error'; without a listener that would crash the BFF.
  pool.on("error", () => {});
  return pool;
}

/**
 * Opens the database (without migrating it: see `migrate.ts`).
 * @example
 * const handle = await openDatabase({ dataDir: ".data/db" }); // PGlite
 * const shared = await openDatabase({ url: "postgres://postgres@127.0.0.1:5432/console" });
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url !== undefined) {
    if (!isPostgresUrl(options.url))
      throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
    const pool = await postgresPool(options.url, options.poolSize ?? 10);
    const lockPool = await postgresPool(
      options.url,
      options.lockPoolSize ?? Math.max(16, options.poolSize ?? 10),
    );
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const lockDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: lockPool }) });
    return {
      db,
      lockDb,
      engine: "postgres",
      ping: (timeoutMs) => ping(db, timeoutMs),
      close: async () => {
        await Promise.all([lockDb.destroy(), db.destroy()]);
      },
    };
  }
  const dir = options.dataDir ?? "memory://";
  let seed: SeedOutcome | undefined;
  if (!dir.startsWith("memory://")) {
    mkdirSync(dirname(dir), { recursive: true, mode: 0o700 });
    seed = seedFromTemplate(dir, options.templateDir ?? DEFAULT_TEMPLATE_DIR);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  const pglite = new PGlite(dir, {
    parsers: { [INT8_OID]: Number, [NUMERIC_OID]: Number },
    postgresqlconf: PGLITE_CONF,
  });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    lockDb: db,
    engine: "pglite",
    ...(seed === undefined ? {} : { seed }),
    ping: (timeoutMs) => ping(db, timeoutMs),
    close: () => db.destroy(),
  };
}

async function ping(db: Kysely<Database>, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([sql`select 1`.execute(db), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
