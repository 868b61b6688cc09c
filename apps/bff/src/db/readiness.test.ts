import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, SERVER_URL, type TestDatabase } from "../testing/postgres.ts";
import { Readiness } from "./readiness.ts";
import { startDatabase, startingApp } from "./start.ts";

// Issue 9: /api/ready answers 503 until the database answers and the migrations ran, and names the
// part that is not ready; the process serves it (and /api/health) from its first moment.

// Kysely's migration lock on PostgreSQL (`pg_advisory_lock`, kysely/dist/dialect/postgres/postgres-adapter.js):
// holding it is what another replica migrating at the same moment does.
const KYSELY_MIGRATION_LOCK = "3853314791062309107";

interface ReadyBody {
  status: string;
  notReady?: string[];
  checks: Record<string, { ready: boolean; detail: string }>;
}

async function ready(readiness: Readiness): Promise<{ status: number; body: ReadyBody }> {
  const res = await startingApp(readiness).request("/api/ready");
  return { status: res.status, body: (await res.json()) as ReadyBody };
}

async function until(readiness: Readiness, test: (body: ReadyBody) => boolean): Promise<ReadyBody> {
  for (let i = 0; i < 600; i++) {
    const { body } = await ready(readiness);
    if (test(body)) return body;
    await sleep(50);
  }
  throw new Error("the readiness never reached the expected state");
}

// A TCP forwarder to the test server, on a port where nothing listens until `open()`.
async function laterProxy(): Promise<{ port: number; open(): Promise<void>; close(): Promise<void> }> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  const target = new URL(SERVER_URL);
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    port,
    open: () =>
      new Promise<void>((resolve) => {
        server = createServer((client) => {
          const upstream = new Socket();
          sockets.add(client).add(upstream);
          upstream.connect(Number(target.port || 5432), target.hostname);
          client.pipe(upstream).pipe(client);
          client.on("error", () => upstream.destroy());
          upstream.on("error", () => client.destroy());
        });
        server.listen(port, "127.0.0.1", resolve);
      }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    },
  };
}

let testDb: TestDatabase;
const dirs: string[] = [];
beforeAll(async () => {
  testDb = await createTestDatabase({ empty: true });
});
afterAll(async () => {
  await testDb.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("/api/ready while the database starts", () => {
  it("is 503 naming `database` while the server does not answer, then `migrations` while they wait, then 200", async () => {
    const proxy = await laterProxy();
    const url = new URL(testDb.url);
    url.port = String(proxy.port);
    const readiness = new Readiness();
    const lines: string[] = [];
    const started = startDatabase({
      url: url.toString(),
      dataDir: "unused",
      readiness,
      log: (line) => lines.push(line),
      retryMs: 100,
    });
    try {
      // 1. Nothing listens: the database part is not ready, and says why.
      const down = await until(readiness, (b) => /ECONNREFUSED/.test(b.checks.database?.detail ?? ""));
      const first = await ready(readiness);
      expect(first.status).toBe(503);
      expect(first.body.notReady).toEqual(["database", "migrations"]);
      expect(down.checks.database?.ready).toBe(false);
      // 2. The server answers, but another replica holds the migration lock: only `migrations` waits.
      const holder = new pg.Client({ connectionString: testDb.url });
      await holder.connect();
      await holder.query(`select pg_advisory_lock(${KYSELY_MIGRATION_LOCK})`);
      await proxy.open();
      const migrating = await until(readiness, (b) => b.checks.database?.ready === true);
      expect(migrating.notReady).toEqual(["migrations"]);
      const second = await ready(readiness);
      expect(second.status).toBe(503);
      expect(second.body.checks.migrations).toEqual({ ready: false, detail: "applying" });
      // 3. The lock is released: the migrations run and the console is ready.
      await holder.query(`select pg_advisory_unlock(${KYSELY_MIGRATION_LOCK})`);
      await holder.end();
      const handle = await started;
      try {
        const done = await ready(readiness);
        expect(done.status).toBe(200);
        expect(done.body.status).toBe("ready");
        expect(done.body.checks.migrations?.detail).toMatch(/^applied /);
      } finally {
        await handle.close();
      }
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it("on the embedded default, is 503 naming `database` and `migrations` while PGlite opens, then 200", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-ready-"));
    dirs.push(dir);
    const readiness = new Readiness();
    const started = startDatabase({ dataDir: join(dir, "db"), readiness, log: () => {} });
    const opening = await ready(readiness);
    expect(opening.status).toBe(503);
    expect(opening.body.notReady).toEqual(["database", "migrations"]);
    expect(opening.body.checks.database?.detail).toBe("opening (embedded PGlite)");
    const handle = await started;
    try {
      expect((await ready(readiness)).status).toBe(200);
    } finally {
      await handle.close();
    }
  }, 180_000);
});
