import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";
import { type DatabaseHandle, openDatabase } from "./database.ts";
import { sharedRateLimit } from "./oss-rate.ts";

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

describe("the OSS request rate shared through the database", () => {
  it("lets at most OSS_QPS requests start per second across replicas, and every request eventually", async () => {
    const qps = 20;
    const starts: number[] = [];
    const run = async (limit: ReturnType<typeof sharedRateLimit>) => {
      await limit.acquire();
      starts.push(Date.now());
    };
    const left = sharedRateLimit(a.db, { requestsPerSecond: qps });
    const right = sharedRateLimit(b.db, { requestsPerSecond: qps });
    const jobs = Array.from({ length: 50 }, (_, i) => run(i % 2 === 0 ? left : right));
    await Promise.all(jobs);
    expect(starts).toHaveLength(50);
    const perSecond = new Map<number, number>();
    for (const t of starts)
      perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
    for (const count of perSecond.values()) expect(count).toBeLessThanOrEqual(qps);
    // 50 at 20/s cannot all start within two seconds.
    expect(perSecond.size).toBeGreaterThanOrEqual(3);
    const windows = await a.db.selectFrom("oss_request_windows").selectAll().execute();
    for (const w of windows) expect(w.used).toBeLessThanOrEqual(qps);
    expect(windows.reduce((sum, w) => sum + w.used, 0)).toBeGreaterThanOrEqual(50);
  });

  it("gives up waiting when the call is cancelled", async () => {
    const limit = sharedRateLimit(a.db, { requestsPerSecond: 1 });
    await limit.acquire();
    const controller = new AbortController();
    const waiting = limit.acquire(controller.signal);
    controller.abort(new Error("client left"));
    await expect(waiting).rejects.toThrow("client left");
  });
});
