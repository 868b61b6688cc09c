/**
 * The database's figures of issue 9, on both engines:
 *  - the history of one style among 100,000 audit events (the audit page query, newest first, 50 rows):
 *    p50/p95 over 200 queries;
 * (Start to `/api/ready` on the embedded default is `embedded.bench.ts`'s.)
 * PostgreSQL: the test server (TEST_DATABASE_URL or 127.0.0.1:5432), in a database made and dropped here.
 * Run: `pnpm --filter @style-console/bff bench`. The CPU may be shared: figures are noisy.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { AuditStore } from "../src/audit/store.ts";
import { type DatabaseHandle, openDatabase } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";

const SERVER = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const EVENTS = 100_000;
const STYLES = 1_000;

async function fill(handle: DatabaseHandle): Promise<void> {
  const batch = 2_000;
  for (let start = 0; start < EVENTS; start += batch) {
    const rows = Array.from({ length: batch }, (_, i) => {
      const n = start + i;
      return {
        bucket: n % 2 === 0 ? "photos" : "avatars",
        style: `style-${n % STYLES}`,
        action: "update" as const,
        source: "console" as const,
        actor_id: "0123456789ab",
        actor_name: "Admin token 0123456789ab",
        actor_via: "session" as const,
        before_content: `image/resize,w_${n}`,
        before_category: "image",
        after_content: `image/resize,w_${n + 1}`,
        after_category: "image",
        status: "committed" as const,
        comment: null,
        request_id: null,
        note: null,
        legacy_seq: null,
      };
    });
    await handle.db.insertInto("audit_events").values(rows).execute();
  }
  await sql`analyze audit_events`.execute(handle.db);
}

async function historyQuery(handle: DatabaseHandle): Promise<{ p50: number; p95: number; rows: number }> {
  const audit = new AuditStore(handle.db);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 200; i++) {
    const style = `style-${(i * 7) % STYLES}`;
    const bucket = ((i * 7) % STYLES) % 2 === 0 ? "photos" : "avatars";
    const t = performance.now();
    const page = await audit.page({ bucket, style, limit: 50 });
    times.push(performance.now() - t);
    rows = page.entries.length;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.floor(q * (times.length - 1))] ?? 0) * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), rows };
}

async function auditBench(): Promise<string[]> {
  const lines: string[] = [];
  const embedded = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), "sc-bench-db-")) });
  await migrateToLatest(embedded.db);
  await fill(embedded);
  const e = await historyQuery(embedded);
  await embedded.close();
  lines.push(`| PGlite (embedded) | ${EVENTS} | ${e.rows} | ${e.p50} | ${e.p95} |`);

  const name = `db_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    const server = await openDatabase({ url: url.toString(), poolSize: 2 });
    await migrateToLatest(server.db);
    await fill(server);
    const p = await historyQuery(server);
    await server.close();
    lines.push(`| PostgreSQL | ${EVENTS} | ${p.rows} | ${p.p50} | ${p.p95} |`);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return lines;
}

console.log("\n## History of one style among 100,000 audit events (50 newest, 200 queries)\n");
console.log("| engine | events | rows | p50 ms | p95 ms |\n| --- | --- | --- | --- | --- |");
for (const line of await auditBench()) console.log(line);
