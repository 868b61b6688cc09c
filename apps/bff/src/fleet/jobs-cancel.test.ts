import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, json, jsonOf, startHarness } from "../testing/harness.ts";
import type { FleetJobDto } from "./fleet-routes.ts";

// A cancel stops the write in flight, not only the writes after it: with the account's OSS rate at one
// request a second, a write waits about a second for each of its calls (read, put, read back), and a
// cancel that let it finish would send its PutStyle and take seconds to answer.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ emulatorBuckets: ["src", "dst"], ossQps: 1, fleet: { concurrency: 1 } });
  for (let i = 0; i < 3; i++) await h.oss.putStyle(`c${i}`, `image/resize,w_${200 + i}`, { bucket: "src" });
});
afterAll(() => h.close());

const jobOf = async (id: string) =>
  jsonOf<FleetJobDto>(await h.request(`/api/fleet/jobs/${id}`, { headers: h.bearer }));

describe("cancelling a fleet job", () => {
  it("aborts the write waiting for the OSS rate: nothing sent, nothing left writing or pending", async () => {
    const plan = await jsonOf<FleetJobDto>(
      await h.request("/api/fleet/copy/plan", json("POST", h.bearer, { source: "src", targets: ["dst"] })),
    );
    expect(plan.items.map((i) => i.action)).toEqual(["create", "create", "create"]);
    const putsBefore = h.ossRequests.filter((l) => l.startsWith("PUT /dst/")).length;
    const applied = await h.request(`/api/fleet/jobs/${plan.id}/apply`, {
      method: "POST",
      headers: h.bearer,
    });
    expect(applied.status).toBe(202);
    // The first item is `writing` (saved before its write): its first OSS call now waits for a slot.
    for (let i = 0; ; i++) {
      if ((await jobOf(plan.id)).items.some((item) => item.status === "writing")) break;
      if (i > 500) throw new Error("no item was ever being written");
      await new Promise((r) => setTimeout(r, 10));
    }
    const started = performance.now();
    const res = await h.request(`/api/fleet/jobs/${plan.id}/cancel`, { method: "POST", headers: h.bearer });
    const took = performance.now() - started;
    const job = await jsonOf<FleetJobDto>(res);
    expect(job.state).toBe("cancelled");
    expect(job.items.map((i) => i.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    // The PutStyle it was waiting to send never went; the answer did not wait for the whole write.
    expect(h.ossRequests.filter((l) => l.startsWith("PUT /dst/"))).toHaveLength(putsBefore);
    expect(took).toBeLessThan(2_000);
    expect(await h.oss.listStyles({ bucket: "dst" })).toEqual([]);
    // And the audit holds no write whose outcome is unknown.
    const pending = await h.database.db
      .selectFrom("audit_events")
      .select("id")
      .where("bucket", "=", "dst")
      .where("status", "=", "pending")
      .execute();
    expect(pending).toEqual([]);
    // The stored job says the same as the answer.
    expect((await jobOf(plan.id)).items.map((i) => i.status)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
  });

  it("settles the audit row of a write aborted after its intent was recorded: failed, never pending", async () => {
    const target = h.api.fleet.bucket("dst");
    const controller = new AbortController();
    const putsBefore = h.ossRequests.filter((l) => l.startsWith("PUT /dst/")).length;
    const writing = h.api.writer
      .put({
        target,
        name: "late",
        action: "copy",
        source: "copy",
        actor: null,
        content: "image/resize,w_99",
        signal: controller.signal,
      })
      .catch((error: unknown) => error);
    // The intent is recorded, `pending`: the PutStyle now waits for its slot.
    const row = () =>
      h.database.db
        .selectFrom("audit_events")
        .select(["id", "status", "note"])
        .where("bucket", "=", "dst")
        .where("style", "=", "late")
        .executeTakeFirst();
    for (let i = 0; (await row())?.status !== "pending"; i++) {
      if (i > 500) throw new Error("the intent was never recorded");
      await new Promise((r) => setTimeout(r, 10));
    }
    controller.abort(new Error("cancelled by the operator"));
    expect(await writing).toMatchObject({ code: "RequestAborted" });
    expect(h.ossRequests.filter((l) => l.startsWith("PUT /dst/"))).toHaveLength(putsBefore);
    expect(await row()).toMatchObject({ status: "failed" });
    expect(await h.oss.listStyles({ bucket: "dst" })).toEqual([]);
  });
});
