import type { AuditPageDto, StyleDto } from "@style-console/contract/dto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type Harness, json, jsonOf, startHarness, styleOf } from "../testing/harness.ts";

let h: Harness;
let browser: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  browser = await h.browser();
});
afterAll(() => h.close());

const create = async (name: string, content = "image/resize,w_120") =>
  styleOf(await h.request("/api/buckets/photos/styles", json("POST", browser, { name, content })));
const del = (name: string, query = "") =>
  h.request(`/api/buckets/photos/styles/${name}${query}`, { method: "DELETE", headers: browser });
const rename = (name: string, body: unknown) =>
  h.request(`/api/buckets/photos/styles/${name}/rename`, json("POST", browser, body));
const exists = async (name: string) =>
  (await h.request(`/api/buckets/photos/styles/${name}`, { headers: browser })).status === 200;
// OSS keeps LastModifyTime in whole seconds: a change behind the console's back must land in a later second.
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));
const auditOf = async (name: string) =>
  (
    await jsonOf<AuditPageDto>(
      await h.request(`/api/audit?bucket=photos&style=${name}`, { headers: browser }),
    )
  ).entries;

describe("DELETE with expectedLastModifyTime (the bulk plan's per-style check)", () => {
  it("deletes the version the plan named (204)", async () => {
    const style = await create("plan-a");
    const res = await del("plan-a", `?expectedLastModifyTime=${encodeURIComponent(style.lastModifyTime)}`);
    expect(res.status).toBe(204);
    expect(await exists("plan-a")).toBe(false);
  });

  it("refuses a style changed since the plan (409 StyleChanged with the current version) and keeps it", async () => {
    const style = await create("plan-b");
    await nextSecond();
    await h.oss.putStyle("plan-b", "image/resize,w_999", { bucket: "photos" });
    const res = await del("plan-b", `?expectedLastModifyTime=${encodeURIComponent(style.lastModifyTime)}`);
    expect(res.status).toBe(409);
    const body = await errorOf(res);
    expect(body.error.code).toBe("StyleChanged");
    expect((body.error.details as { current: StyleDto }).current.content).toBe("image/resize,w_999");
    expect(await exists("plan-b")).toBe(true);
    expect((await auditOf("plan-b")).filter((e) => e.action === "delete")).toEqual([]);
  });

  it("answers 400 for a time that is not ISO, before any OSS call", async () => {
    await create("plan-c");
    const res = await del("plan-c", "?expectedLastModifyTime=yesterday");
    expect(res.status).toBe(400);
    expect(await exists("plan-c")).toBe(true);
  });

  it("without the parameter, deletes whatever version is there (the old contract)", async () => {
    await create("plan-d");
    expect((await del("plan-d")).status).toBe(204);
  });
});

describe("POST /api/buckets/:bucket/styles/:name/rename", () => {
  it("copies under the new name and deletes the old, both audited as rename", async () => {
    const style = await create("old-name", "image/crop,w_100,h_100");
    const res = await rename("old-name", {
      newName: "new-name",
      expectedLastModifyTime: style.lastModifyTime,
    });
    expect(res.status).toBe(200);
    const renamed = await styleOf(res);
    expect(renamed).toMatchObject({ name: "new-name", content: "image/crop,w_100,h_100" });
    expect(await exists("old-name")).toBe(false);
    expect(await exists("new-name")).toBe(true);
    const [removed] = await auditOf("old-name");
    expect(removed).toMatchObject({ action: "rename", comment: "renamed to new-name", after: null });
    expect(removed?.before?.content).toBe("image/crop,w_100,h_100");
    const [made] = await auditOf("new-name");
    expect(made).toMatchObject({ action: "rename", comment: "renamed from old-name", before: null });
    expect(made?.after?.content).toBe("image/crop,w_100,h_100");
  });

  it("needs the version it renames (428), and refuses a changed one (409) without writing", async () => {
    const style = await create("keep-me");
    const missing = await rename("keep-me", { newName: "kept" });
    expect(missing.status).toBe(428);
    expect((await errorOf(missing)).error.code).toBe("PreconditionRequired");
    await nextSecond();
    await h.oss.putStyle("keep-me", "image/resize,w_77", { bucket: "photos" });
    const stale = await rename("keep-me", { newName: "kept", expectedLastModifyTime: style.lastModifyTime });
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).error.code).toBe("StyleChanged");
    expect(await exists("kept")).toBe(false);
    expect(await exists("keep-me")).toBe(true);
  });

  it("refuses a taken name (409 StyleExists) and an invalid one (400), leaving both styles as they were", async () => {
    const style = await create("from-here");
    await create("taken-name", "image/resize,w_5");
    const taken = await rename("from-here", {
      newName: "taken-name",
      expectedLastModifyTime: style.lastModifyTime,
    });
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).error.code).toBe("StyleExists");
    const bad = await rename("from-here", {
      newName: "no spaces",
      expectedLastModifyTime: style.lastModifyTime,
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).error.code).toBe("InvalidStyleName");
    const same = await rename("from-here", {
      newName: "from-here",
      expectedLastModifyTime: style.lastModifyTime,
    });
    expect(same.status).toBe(400);
    expect(await exists("from-here")).toBe(true);
    const kept = await styleOf(
      await h.request("/api/buckets/photos/styles/taken-name", { headers: browser }),
    );
    expect(kept.content).toBe("image/resize,w_5");
  });

  it("answers 404 for a style that does not exist", async () => {
    const res = await rename("never-was", {
      newName: "still-not",
      expectedLastModifyTime: new Date().toISOString(),
    });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).error.code).toBe("NoSuchStyle");
    expect(await exists("still-not")).toBe(false);
  });
});
