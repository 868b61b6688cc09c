import type { AuditPageDto } from "@style-console/contract/dto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, json, jsonOf, startHarness } from "../testing/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const headers = await h.browser();
  const path = "/api/buckets/photos/styles";
  await h.request(
    path,
    json("POST", headers, { name: "audited", content: "image/resize,w_100", category: "image" }),
  );
  await h.request(`${path}/audited`, json("PUT", headers, { content: "image/resize,w_200", force: true }));
  await h.request(`${path}/other`, json("PUT", headers, { content: "image/resize,w_1", force: true })); // 404: not audited
  await h.request(
    "/api/buckets/avatars/styles",
    json("POST", h.bearer, { name: "round", content: "image/circle,r_10" }),
  );
  await h.request(`${path}/audited`, { method: "DELETE", headers });
});
afterAll(() => h.close());

const page = async (query = "") =>
  jsonOf<AuditPageDto>(await h.request(`/api/audit${query}`, { headers: h.bearer }));

describe("GET /api/audit", () => {
  it("lists every successful mutation newest first, with who, before/after and the OSS request id", async () => {
    const { entries, nextCursor } = await page();
    expect(nextCursor).toBeNull();
    expect(entries.map((e) => [e.bucket, e.style, e.action])).toEqual([
      ["photos", "audited", "delete"],
      ["avatars", "round", "create"],
      ["photos", "audited", "update"],
      ["photos", "audited", "create"],
    ]);
    const [deleted, , updated, created] = entries;
    expect(created).toMatchObject({
      before: null,
      after: { content: "image/resize,w_100", category: "image" },
    });
    expect(updated).toMatchObject({
      before: { content: "image/resize,w_100" },
      after: { content: "image/resize,w_200", category: "image" },
    });
    expect(deleted).toMatchObject({ before: { content: "image/resize,w_200" }, after: null });
    for (const e of entries) {
      // The bootstrap token acts as the built-in admin account (users/user-store.ts).
      expect(e.tokenId).toBe("bootstrap-admin");
      expect(e.requestId).toMatch(/^[0-9A-F]{24}$/i);
      expect(Number.isNaN(Date.parse(e.time))).toBe(false);
    }
  });

  it("filters by bucket and style, and pages", async () => {
    expect((await page("?bucket=avatars")).entries.map((e) => e.style)).toEqual(["round"]);
    expect((await page("?bucket=photos&style=audited")).entries).toHaveLength(3);
    const first = await page("?limit=3");
    expect(first.entries).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const rest = await page(`?limit=3&cursor=${first.nextCursor}`);
    expect(rest).toMatchObject({ entries: [{ action: "create", style: "audited" }], nextCursor: null });
  });

  it("validates its query", async () => {
    expect((await h.request("/api/audit?limit=0", { headers: h.bearer })).status).toBe(400);
    expect((await h.request("/api/audit?limit=abc", { headers: h.bearer })).status).toBe(400);
  });

  it("says who acted and how, and that the writes are committed; the update was forced", async () => {
    const { entries } = await page();
    // The bootstrap token, as a cookie session or a bearer, acts as the built-in admin account.
    const admin = { id: "bootstrap-admin", name: "Admin (bootstrap token)", via: "bootstrap-token" };
    expect(entries.map((e) => [e.actor, e.status, e.source])).toEqual([
      [admin, "committed", "console"],
      [admin, "committed", "console"],
      [admin, "committed", "console"],
      [admin, "committed", "console"],
    ]);
    expect(entries.map((e) => e.forced)).toEqual([false, false, true, false]);
    // Every version carries OSS's LastModifyTime, and an update's before is the create's after.
    const [, , updated, created] = entries;
    expect(updated?.before?.lastModifyTime).toBe(created?.after?.lastModifyTime);
    expect(updated?.after?.lastModifyTime).not.toBe(updated?.before?.lastModifyTime);
  });

  it("keeps no token in the database", async () => {
    const { rows } = await h.database.db
      .selectFrom("audit_events")
      .selectAll()
      .execute()
      .then((r) => ({ rows: r }));
    expect(JSON.stringify(rows)).not.toContain(ADMIN_TOKEN);
  });
});
