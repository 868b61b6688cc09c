import { getEventListeners } from "node:events";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";
import { type DatabaseHandle, openDatabase } from "./database.ts";
import { ossRateLimit, sharedRateLimit } from "./oss-rate.ts";
import type { Database } from "./schema.ts";

// Two "replicas" (two pools, two limiters) on one real PostgreSQL.
let testDb: TestDatabase;
let a: DatabaseHandle;
let b: DatabaseHandle;
beforeAll(async () => {
  testDb = await createTestDatabase();
  a = await openDatabase({ url: testDb.url, poolSize: 2 });
  b = await openDatabase({ url: testDb.url, poolSize: 2 });
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await testDb.drop();
});

/** The most starts in any half-open window [t, t + 1000 ms), whatever t. */
function busiestSecond(starts: number[]): number {
  const sorted = [...starts].sort((x, y) => x - y);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const nextAt = async (handle: DatabaseHandle) =>
  (await handle.db.selectFrom("oss_request_schedule").select("next_at").executeTakeFirstOrThrow()).next_at;

describe("the OSS request rate shared through the database", () => {
  it("never lets more than OSS_QPS requests start in any one-second window across replicas", async () => {
    const qps = 20;
    const starts: number[] = [];
    const left = sharedRateLimit(a.db, { requestsPerSecond: qps });
    const right = sharedRateLimit(b.db, { requestsPerSecond: qps });
    // Both replicas keep 10 requests waiting at all times (bursty callers), 70 in all.
    const caller = async (limit: ReturnType<typeof sharedRateLimit>, n: number) => {
      for (let i = 0; i < n; i++) {
        await limit.acquire();
        starts.push(performance.now());
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, i) => caller(i % 2 === 0 ? left : right, 7)));
    expect(starts).toHaveLength(70);
    expect(busiestSecond(starts)).toBeLessThanOrEqual(qps);
    // A calendar-second counter would let 2 × qps through around a second's edge; the schedule spaces
    // every start: the busiest window holds the rate (minus the lateness margin), not more.
    expect(busiestSecond(starts)).toBeGreaterThanOrEqual(qps - 1);
  });

  it("claims consecutive slots on one schedule: n requests advance it by n spacings, whichever replica asks", async () => {
    const qps = 50;
    const left = sharedRateLimit(a.db, { requestsPerSecond: qps });
    const right = sharedRateLimit(b.db, { requestsPerSecond: qps });
    await left.acquire();
    const start = await nextAt(a);
    await Promise.all([left.acquire(), right.acquire(), left.acquire(), right.acquire()]);
    // Each claim starts at the schedule's end or now, whichever is later: at least 4 × 21 ms more
    // (1000 ms plus the default 30 ms lateness and 20 ms jitter margins, over 50).
    expect((await nextAt(b)) - start).toBeGreaterThanOrEqual(4 * (1050 / qps) - 1e-6);
  });

  it("gives up a slot it wakes up too late for, and takes a new one", async () => {
    let clock = 1_000_000;
    let sleeps = 0;
    const limit = sharedRateLimit(a.db, {
      requestsPerSecond: 1,
      lateMs: 40,
      jitterMs: 0,
      now: () => clock,
      // The first sleep oversleeps by 500 ms (a busy event loop); later ones are exact.
      sleep: async (ms) => {
        clock += ms + (sleeps++ === 0 ? 500 : 0);
      },
    });
    // Fill the schedule so the first slot is in the future.
    await sharedRateLimit(b.db, { requestsPerSecond: 1 }).acquire();
    const before = await nextAt(a);
    await limit.acquire();
    // Two claims of 1.04 s each: the late one was dropped, not used.
    expect((await nextAt(a)) - before).toBeGreaterThanOrEqual(2 * 1040 - 1e-6);
    expect(sleeps).toBeGreaterThanOrEqual(2);
  });

  it("gives up waiting when the call is cancelled", async () => {
    const limit = sharedRateLimit(a.db, { requestsPerSecond: 1 });
    await limit.acquire();
    const controller = new AbortController();
    const waiting = limit.acquire(controller.signal);
    controller.abort(new Error("client left"));
    await expect(waiting).rejects.toThrow("client left");
  });

  it("lets go of the caller's AbortSignal when a wait fails on the database", async () => {
    // A database that does not answer (nothing listens on port 1): every claim fails, every waiter hears it.
    const gone = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: "postgres://x@127.0.0.1:1/x" }) }),
    });
    const limit = sharedRateLimit(gone, { requestsPerSecond: 10 });
    const controller = new AbortController();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => limit.acquire(controller.signal)),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    // One signal shared by many calls (a fleet job's) would otherwise keep a listener per failed wait.
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    await gone.destroy();
  });

  it("refuses clearly, without using up the shared schedule, when the database clock cannot be read within lateMs", async () => {
    // Every reading of the local clock is 10 ms after the one before: each round trip looks 10 ms or
    // more, so no slot could be timed within a lateness of 5 ms.
    let clock = 0;
    const limit = sharedRateLimit(a.db, {
      requestsPerSecond: 1000,
      lateMs: 5,
      now: () => (clock += 10),
      sleep: async (ms) => {
        clock += ms;
      },
    });
    await sharedRateLimit(b.db, { requestsPerSecond: 1000 }).acquire();
    const before = await nextAt(a);
    await expect(limit.acquire(AbortSignal.timeout(2_000))).rejects.toThrow(/lateMs/);
    // No slot was claimed for nothing: the other replicas' rate is untouched.
    expect(await nextAt(a)).toBe(before);
  });

  it("keeps the schedule in memory on the embedded engine (one process only): same cap, no database round trip", async () => {
    // Not migrated: a claim sent to this database would fail for want of the schedule's table.
    const embedded = await openDatabase({ dataDir: "memory://" });
    try {
      const qps = 20;
      const limit = ossRateLimit(embedded, { requestsPerSecond: qps });
      const starts: number[] = [];
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          for (let i = 0; i < 7; i++) {
            await limit.acquire();
            starts.push(performance.now());
          }
        }),
      );
      expect(starts).toHaveLength(70);
      expect(busiestSecond(starts)).toBeLessThanOrEqual(qps);
      expect(busiestSecond(starts)).toBeGreaterThanOrEqual(qps - 1);
    } finally {
      await embedded.close();
    }
    // Starting the embedded engine (WebAssembly) takes long on a loaded host.
  }, 120_000);
});
