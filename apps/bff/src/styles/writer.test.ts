import type { AuditPageDto, StyleDto } from "@style-console/contract/dto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditStore } from "../audit/store.ts";
import { managedBuckets } from "../buckets/managed-buckets.ts";
import { adminPrincipal } from "../session/principal.ts";
import { errorOf, type Harness, json, jsonOf, startHarness, styleOf } from "../testing/harness.ts";

// The crash of issue 9, staged without a kill: the intent is recorded, the put reaches OSS within the
// same second as the version it replaces (so LastModifyTime does not move), and the process dies before
// the second put. The next write of that style must settle it first.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const path = "/api/buckets/photos/styles";

describe("a write interrupted inside the same-second window", () => {
  it("is settled before the next write: recorded, with a new LastModifyTime, and the other editor gets 409", async () => {
    let loaded: StyleDto | undefined;
    const audit = new AuditStore(h.database.db);
    // Try until the put lands in the same OSS second as the create (OSS keeps whole seconds).
    for (let attempt = 0; attempt < 10; attempt++) {
      const name = `window-${attempt}`;
      loaded = await styleOf(
        await h.request(path, json("POST", h.bearer, { name, content: "image/resize,w_1" })),
      );
      await audit.begin({
        bucket: "photos",
        style: name,
        action: "update",
        actor: adminPrincipal("0123456789ab", "session"),
        before: {
          content: loaded.content,
          category: loaded.category,
          lastModifyTime: new Date(loaded.lastModifyTime),
        },
        after: { content: "image/resize,w_2", category: loaded.category },
      });
      await h.oss.putStyle(name, "image/resize,w_2", { bucket: "photos", category: loaded.category });
      const inOss = await h.oss.getStyle(name, { bucket: "photos" });
      if (Date.parse(inOss.lastModifyTime ?? "") === Date.parse(loaded.lastModifyTime)) break;
      loaded = undefined;
    }
    expect(loaded, "a put within the same second as the create").toBeDefined();
    if (!loaded) return;
    // Another editor still holds the version loaded before the crash: OSS's time says nothing changed.
    const other = await h.request(
      `${path}/${loaded.name}`,
      json("PUT", h.bearer, { content: "image/resize,w_3", expectedLastModifyTime: loaded.lastModifyTime }),
    );
    expect(other.status).toBe(409);
    expect((await errorOf(other)).error.details?.current?.content).toBe("image/resize,w_2");
    const history = await jsonOf<AuditPageDto>(
      await h.request(`/api/audit?bucket=photos&style=${loaded.name}`, { headers: h.bearer }),
    );
    const [settled, created] = history.entries;
    expect(settled).toMatchObject({
      action: "update",
      status: "reconciled",
      after: { content: "image/resize,w_2" },
    });
    expect(settled?.before?.content).toBe("image/resize,w_1");
    expect(settled?.after?.lastModifyTime).not.toBe(created?.after?.lastModifyTime);
    const now = await h.oss.getStyle(loaded.name, { bucket: "photos" });
    expect(new Date(now.lastModifyTime ?? "").toISOString()).toBe(settled?.after?.lastModifyTime);
  });

  it("is recorded as failed when OSS never got it, and nothing claims the write", async () => {
    const created = await styleOf(
      await h.request(
        "/api/buckets/avatars/styles",
        json("POST", h.bearer, { name: "never", content: "image/resize,w_1" }),
      ),
    );
    const audit = new AuditStore(h.database.db);
    const id = await audit.begin({
      bucket: "avatars",
      style: "never",
      action: "update",
      actor: adminPrincipal("0123456789ab", "session"),
      before: {
        content: created.content,
        category: created.category,
        lastModifyTime: new Date(created.lastModifyTime),
      },
      after: { content: "image/resize,w_9", category: created.category },
    });
    // A replica that does not manage the bucket leaves the row alone; one that does settles it.
    expect((await h.api.writer.reconcile([])).skipped).toBeGreaterThanOrEqual(1);
    expect((await audit.get(id))?.status).toBe("pending");
    const avatars = managedBuckets({
      region: "cn-hangzhou",
      endpoint: h.emulator.endpoint,
      credentials: { accessKeyId: "TESTAKtestkey0001", accessKeySecret: h.secret },
      buckets: ["avatars"],
      styleLimit: 50,
    });
    expect(await h.api.writer.reconcile(avatars)).toMatchObject({ reconciled: 0, failed: 1 });
    expect(await audit.get(id)).toMatchObject({ status: "failed", after_last_modify_time: null });
    const history = await jsonOf<AuditPageDto>(
      await h.request("/api/audit?bucket=avatars&style=never", { headers: h.bearer }),
    );
    expect(history.entries.map((e) => e.action)).toEqual(["create"]);
  });
});
