import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuditEntryDto, AuditPageDto, StyleDto } from "@style-console/contract/dto";
import { type RunningEmulator, startEmulator } from "@style-console/oss-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBff, type RunningBff, startBff } from "../testing/built-bff.ts";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";
import { openDatabase } from "./database.ts";

// SIGKILL the real built BFF again and again while it creates and updates styles from several
// clients at once, then check the three invariants of issue 9 on what is left:
//   1. every acknowledged write is in OSS with its audit record;
//   2. no audit record claims a write OSS does not have (each style's recorded versions form one chain
//      that ends at what OSS holds);
//   3. no version is recorded with before = after.
// Updates of one style follow each other within a second on purpose: that is the window in which the
// old code re-put a second later, so many kills land inside it.
const TOKEN = "sigkill-admin-token-0123456789";
const KILLS = 5;
const STYLES = ["k0", "k1", "k2", "k3"];

interface Ack {
  style: string;
  content: string;
  lastModifyTime: string;
}

interface Engine {
  name: string;
  bucket: string;
  env: () => Promise<Record<string, string>>;
}

let counter = 0;

async function hammer(
  bff: RunningBff,
  bucket: string,
  acks: Ack[],
  known: Map<string, string>,
  stopAt: number,
): Promise<void> {
  const auth = { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" };
  const path = `${bff.url}/api/buckets/${bucket}/styles`;
  const worker = async (w: number) => {
    while (Date.now() < stopAt) {
      const style = STYLES[(w + counter) % STYLES.length] ?? "k0";
      counter += 1;
      const content = `image/resize,w_${counter}`;
      try {
        const expected = known.get(style);
        const res = await fetch(expected === undefined ? path : `${path}/${style}`, {
          method: expected === undefined ? "POST" : "PUT",
          headers: auth,
          body: JSON.stringify(
            expected === undefined
              ? { name: style, content }
              : w % 2 === 0
                ? { content, force: true }
                : { content, expectedLastModifyTime: expected },
          ),
        });
        if (res.status === 200 || res.status === 201) {
          const stored = (await res.json()) as StyleDto;
          acks.push({ style, content: stored.content, lastModifyTime: stored.lastModifyTime });
          known.set(style, stored.lastModifyTime);
        } else if (res.status === 409) {
          const body = (await res.json()) as { error: { details?: { current?: StyleDto } } };
          const current = body.error.details?.current;
          if (current) known.set(style, current.lastModifyTime);
        } else {
          await res.body?.cancel();
        }
      } catch {
        return; // killed
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(worker));
}

async function checkInvariants(bff: RunningBff, bucket: string, acks: Ack[]): Promise<void> {
  const auth = { Authorization: `Bearer ${TOKEN}` };
  const styles = (
    (await (await fetch(`${bff.url}/api/buckets/${bucket}/styles`, { headers: auth })).json()) as {
      styles: StyleDto[];
    }
  ).styles;
  const entries: AuditEntryDto[] = [];
  let cursor: number | null | undefined;
  do {
    const query = `bucket=${bucket}&limit=200${cursor ? `&cursor=${cursor}` : ""}`;
    const page = (await (
      await fetch(`${bff.url}/api/audit?${query}`, { headers: auth })
    ).json()) as AuditPageDto;
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  // 1. Every acknowledged write has its audit record, with the very version the client was given.
  for (const ack of acks) {
    const record = entries.find(
      (e) =>
        e.style === ack.style &&
        e.after?.content === ack.content &&
        e.after?.lastModifyTime === ack.lastModifyTime,
    );
    expect(record, `audit record of acknowledged ${ack.style} = ${ack.content}`).toBeDefined();
  }
  for (const name of STYLES) {
    const chain = entries.filter((e) => e.style === name).sort((x, y) => x.seq - y.seq);
    const inOss = styles.find((s) => s.name === name);
    // 2. The recorded versions form one chain, and its end is what OSS holds.
    chain.forEach((entry, i) => {
      const previous = chain[i - 1];
      expect(entry.before?.content ?? null, `${name} #${entry.seq} before`).toBe(
        previous?.after?.content ?? null,
      );
      if (previous?.after?.lastModifyTime && entry.before) {
        expect(entry.before.lastModifyTime).toBe(previous.after.lastModifyTime);
      }
      // 3. No version recorded with before = after.
      if (entry.before && entry.after) {
        expect(
          entry.before.content === entry.after.content && entry.before.category === entry.after.category,
          `${name} #${entry.seq} records no change`,
        ).toBe(false);
        expect(entry.after.lastModifyTime).not.toBe(entry.before.lastModifyTime);
      }
    });
    const last = chain.at(-1);
    expect(inOss?.content ?? null, `${name} in OSS`).toBe(last?.after?.content ?? null);
    if (inOss && last?.after) expect(inOss.lastModifyTime).toBe(last.after.lastModifyTime);
    // Every acknowledged write is in OSS: the style's last acknowledged write is in the chain (1), and
    // whatever follows it in the chain was written later.
  }
}

let emulator: RunningEmulator | undefined;
let pgDatabase: TestDatabase | undefined;
const KEY = { id: "TESTAKsigkill00001", secret: "sigkill-secret-0123456789" };

const engines: Engine[] = [
  {
    name: "embedded (PGlite + the embedded emulator)",
    bucket: "demo-photos",
    env: async () => ({}),
  },
  {
    name: "PostgreSQL (+ a standalone emulator as cloud OSS)",
    bucket: "photos",
    env: async () => {
      pgDatabase = await createTestDatabase({ empty: true });
      emulator = await startEmulator({
        dataDir: mkdtempSync(join(tmpdir(), "sc-sigkill-oss-")),
        accessKeyId: KEY.id,
        accessKeySecret: KEY.secret,
        buckets: ["photos"],
      });
      return {
        ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.id,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.secret,
        OSS_REGION: "cn-hangzhou",
        OSS_BUCKETS: "photos",
        OSS_ENDPOINT: emulator.endpoint,
        DATABASE_URL: pgDatabase.url,
      };
    },
  },
];

beforeAll(() => buildBff(), 60_000);
afterAll(async () => {
  await emulator?.close();
  await pgDatabase?.drop();
});

describe.each(engines)("SIGKILL during concurrent creates and updates: $name", (engine) => {
  it("keeps the three invariants", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sc-sigkill-"));
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      CONSOLE_ADMIN_TOKEN: TOKEN,
      ...(await engine.env()),
    };
    const acks: Ack[] = [];
    const known = new Map<string, string>();
    for (let kill = 0; kill < KILLS; kill++) {
      const bff = await startBff(env);
      // The clients keep writing until the process is gone: the kill lands with writes in flight.
      const work = hammer(bff, engine.bucket, acks, known, Number.POSITIVE_INFINITY);
      await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 3000));
      bff.child.kill("SIGKILL");
      await bff.exited;
      await work;
    }
    const final = await startBff(env);
    try {
      expect(acks.length).toBeGreaterThan(KILLS);
      await checkInvariants(final, engine.bucket, acks);
    } finally {
      final.child.kill("SIGTERM");
      await final.exited;
    }
    // Straight from the database: nothing is left pending, and some kills did land mid-write.
    const handle = await openDatabase(
      env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 1 } : { dataDir: join(dataDir, "db") },
    );
    try {
      const rows = await handle.db.selectFrom("audit_events").select(["status"]).execute();
      expect(rows.filter((r) => r.status === "pending")).toEqual([]);
      const interrupted = rows.filter((r) => r.status === "reconciled" || r.status === "failed").length;
      console.log(
        `${engine.name}: ${acks.length} acknowledged writes, ${rows.length} audit rows, ${interrupted} settled after a kill`,
      );
      expect(interrupted).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  }, 900_000);
});
