import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { managedBuckets } from "../buckets/managed-buckets.ts";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { type Harness, json, jsonOf, startHarness } from "../testing/harness.ts";
import type { FleetJobDto } from "./fleet-routes.ts";
import { createFleet, type Fleet } from "./index.ts";
import { dbJobStore } from "./jobs/job-store.ts";

// Issue 12: fleet jobs live in the shared PostgreSQL; one replica runs a job at a time (its lease), any
// replica shows it, and another replica resumes a job whose lease lapsed.

let h: Harness;
let otherDb: DatabaseHandle;
let other: Fleet;
const logs: string[] = [];

beforeAll(async () => {
  h = await startHarness({ emulatorBuckets: ["src", "dst"], fleet: { leaseMs: 600 } });
  for (let i = 0; i < 6; i++) await h.oss.putStyle(`s${i}`, `image/resize,w_${100 + i}`, { bucket: "src" });
  // A second replica: its own pool, the same database and OSS, another replica id.
  otherDb = await openDatabase({ url: h.databaseUrl, poolSize: 4 });
  other = createFleet({
    buckets: managedBuckets({
      region: "cn-hangzhou",
      endpoint: h.emulator.endpoint,
      credentials: { accessKeyId: "TESTAKtestkey0001", accessKeySecret: h.secret },
      buckets: [
        { name: "src", region: "cn-hangzhou" },
        { name: "dst", region: "cn-hangzhou" },
      ],
      styleLimit: 50,
      client: { retry: false, timeoutMs: 5000 },
    }),
    writer: h.api.writer,
    db: otherDb.db,
    replicaId: "replica-b",
    leaseMs: 600,
    sweepMs: 0,
    logger: { info: (line) => logs.push(line), error: (line) => logs.push(line) },
  });
});
afterAll(async () => {
  other.stop();
  await other.idle();
  await otherDb.close();
  await h.close();
});

const plan = async (styles: string[]) =>
  jsonOf<FleetJobDto>(
    await h.request(
      "/api/fleet/copy/plan",
      json("POST", h.bearer, { source: "src", targets: ["dst"], styles }),
    ),
  );

describe("fleet jobs shared by replicas", () => {
  it("lets one replica apply a plan: applying it on two replicas at once gives one 202 and one 409", async () => {
    const job = await plan(["s0", "s1"]);
    const planned = await dbJobStore(h.database.db).load(job.id);
    if (!planned) throw new Error("the plan was not stored");
    const [here, there] = await Promise.allSettled([
      h.request(`/api/fleet/jobs/${job.id}/apply`, { method: "POST", headers: h.bearer }),
      other.service.runner.apply(job.id, planned.actor),
    ]);
    const wins =
      (here.status === "fulfilled" && here.value.status === 202 ? 1 : 0) +
      (there.status === "fulfilled" ? 1 : 0);
    expect(wins).toBe(1);
    if (here.status === "fulfilled" && here.value.status !== 202) expect(here.value.status).toBe(409);
    if (there.status === "rejected") expect(String(there.reason)).toMatch(/only a planned job/);
    await Promise.all([h.api.fleet.idle(), other.idle()]);
    const seen = await other.service.runner.get(job.id);
    expect(seen?.state).toBe("done");
    expect(seen?.items.map((i) => i.status)).toEqual(["applied", "applied"]);
    expect(h.ossRequests.filter((l) => l.startsWith("PUT /dst/ 200"))).toHaveLength(2);
  });

  it("resumes a job on another replica once the holder's lease lapses, and not before", async () => {
    const job = await plan(["s2", "s3", "s4", "s5"]);
    const store = dbJobStore(h.database.db);
    // A replica took the job and vanished (killed before its first write).
    expect(await store.start(job.id, "replica-gone", 400)).toBe(true);
    expect(await other.service.runner.resumeAll()).toEqual([]);
    expect((await store.load(job.id))?.items.every((i) => i.status === "pending")).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    const resumed = await other.service.runner.resumeAll();
    expect(resumed.map((j) => j.id)).toEqual([job.id]);
    await other.idle();
    // Replica A (the harness) shows the same job, finished by B.
    const seen = await jsonOf<FleetJobDto>(
      await h.request(`/api/fleet/jobs/${job.id}`, { headers: h.bearer }),
    );
    expect(seen.state).toBe("done");
    expect(seen.progress).toMatchObject({ done: 4, total: 4 });
    const names = (await h.oss.listStyles({ bucket: "dst" })).map((s) => s.name).sort();
    expect(names).toEqual(["s0", "s1", "s2", "s3", "s4", "s5"]);
  });

  it("keeps the lease while it runs: another replica cannot take a job being applied", async () => {
    const job = await plan([]);
    expect(job.items).toHaveLength(0);
    const store = dbJobStore(h.database.db);
    expect(await store.start(job.id, "replica-b", 600)).toBe(true);
    // Held by B: the harness replica (another id) may not take it; B renews it.
    expect(await store.claim(job.id, "replica-a", 600)).toBe(false);
    expect(await store.renew(job.id, "replica-b", 600)).toEqual({ held: true, cancelRequested: false });
    expect(await store.requestCancel(job.id)).toBe(true);
    expect(await store.renew(job.id, "replica-b", 600)).toEqual({ held: true, cancelRequested: true });
  });

  it("honours a cancel asked while no replica ran the job: the replica that resumes it writes nothing", async () => {
    await h.oss.deleteStyle("s1", { bucket: "dst" }).catch(() => undefined);
    const job = await plan(["s1"]);
    expect(job.items.map((i) => i.action)).toEqual(["create"]);
    const store = dbJobStore(h.database.db);
    expect(await store.start(job.id, "replica-gone", 200)).toBe(true);
    expect(await store.requestCancel(job.id)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const puts = h.ossRequests.filter((l) => l.startsWith("PUT /dst/")).length;
    // (The previous test left its job to replica B too, cancelled: it is resumed alongside.)
    expect((await other.service.runner.resumeAll()).map((j) => j.id)).toContain(job.id);
    await other.idle();
    const seen = await store.load(job.id);
    expect(seen?.state).toBe("cancelled");
    expect(seen?.items.map((i) => i.status)).toEqual(["cancelled"]);
    expect(h.ossRequests.filter((l) => l.startsWith("PUT /dst/"))).toHaveLength(puts);
  });

  it("saves an item only for the replica holding the lease: a stale holder's late save is refused", async () => {
    const job = await plan(["s0"]);
    const store = dbJobStore(h.database.db);
    expect(await store.start(job.id, "replica-c", 60_000)).toBe(true);
    const stale = await store.load(job.id);
    if (!stale) throw new Error("the plan was not stored");
    (stale.items[0] as { status: string }).status = "writing";
    // A replica whose lease lapsed and was taken over (here: one that never held it) writes nothing.
    expect(await store.saveItems(stale, [0], "replica-d")).toBe(false);
    expect((await store.load(job.id))?.items[0]?.status).toBe("pending");
    expect(await store.saveItems(stale, [0], "replica-c")).toBe(true);
    expect((await store.load(job.id))?.items[0]?.status).toBe("writing");
    expect(await store.saveItems(stale, [], "replica-d")).toBe(true);
  });
});
