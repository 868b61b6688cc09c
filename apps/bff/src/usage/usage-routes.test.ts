import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BucketEventDto, BucketUsageDto, RequestsReport, ScanResult } from "../app.ts";
import { errorOf, type Harness, json, startHarness } from "../testing/harness.ts";
import { billingMonth } from "./request-accounting.ts";

// The usage API in-process, over the real emulator (which writes the access logs) and PostgreSQL.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ emulatorBuckets: ["photos", "avatars", "logs"], buckets: ["photos", "avatars"] });
});
afterAll(() => h.close());

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWM4ISeHFTEMpAQAaYgwwXposYcAAAAASUVORK5CYII=",
  "base64",
);

describe("GET/POST /api/buckets/:bucket/usage", () => {
  it("says when logging is off; enabling it (operator) and a scan show each style's use", async () => {
    const browser = await h.browser();
    await h.oss.putObject("cat.png", png, { bucket: "photos" });
    await h.oss.putStyle("small", "image/resize,w_2/format,png", { bucket: "photos" });
    await h.oss.putStyle("idle", "image/resize,w_3", { bucket: "photos" });

    const off = await h.request("/api/buckets/photos/usage", { headers: h.bearer });
    expect(off.status).toBe(200);
    const offBody = (await off.json()) as BucketUsageDto;
    expect(offBody.logging).toEqual({ enabled: false, targetBucket: null, targetPrefix: null });
    expect(offBody.styles.map((s) => [s.name, s.requests30d, s.lastUsed])).toEqual([
      ["small", 0, null],
      ["idle", 0, null],
    ]);

    const enable = await h.request(
      "/api/buckets/photos/usage/logging",
      json("PUT", browser, { enabled: true, targetBucket: "logs", targetPrefix: "photos/" }),
    );
    expect(enable.status).toBe(200);
    expect(await enable.json()).toEqual({ enabled: true, targetBucket: "logs", targetPrefix: "photos/" });

    for (let i = 0; i < 2; i++) {
      const url = await h.oss.presignGetObject("cat.png", { bucket: "photos", process: "style/small" });
      expect((await fetch(url)).status).toBe(200);
    }
    await h.emulator.flushAccessLogs();
    const scan = await h.request("/api/buckets/photos/usage/scan", { method: "POST", headers: h.bearer });
    expect(scan.status).toBe(200);
    expect((await scan.json()) as ScanResult).toMatchObject({ objects: 1, malformed: 0, styleRequests: 2 });

    const res = await h.request("/api/buckets/photos/usage?days=7", { headers: h.bearer });
    const body = (await res.json()) as BucketUsageDto;
    expect(body.logging).toEqual({ enabled: true, targetBucket: "logs", targetPrefix: "photos/" });
    expect(body.scannedThrough).not.toBeNull();
    const small = body.styles.find((s) => s.name === "small");
    expect(small).toMatchObject({ requests30d: 2 });
    expect(small?.daily).toHaveLength(7);
    expect(small?.daily.at(-1)?.requests).toBe(2);
    expect(body.styles.find((s) => s.name === "idle")).toMatchObject({ requests30d: 0, lastUsed: null });
  });

  it("turning logging on or off leaves an audit record: who, when, target bucket and prefix, before and after", async () => {
    const operator = await h.sessionAs("operator");
    const events = async () =>
      (
        (await (
          await h.request("/api/buckets/avatars/usage/logging/events", { headers: h.bearer })
        ).json()) as { events: BucketEventDto[] }
      ).events;
    expect(await events()).toEqual([]);
    const put = (body: object, who = operator) =>
      h.request("/api/buckets/avatars/usage/logging", json("PUT", who, body));
    expect((await put({ enabled: true, targetBucket: "logs", targetPrefix: "av/" })).status).toBe(200);
    expect((await put({ enabled: false })).status).toBe(200);
    // Refused by OSS: recorded as failed, with the reason; OSS's state is unchanged.
    expect((await put({ enabled: true, targetBucket: "nosuch-target", targetPrefix: "" })).status).toBe(400);
    // Refused by the access table (a viewer): never reaches the service, so no record.
    expect((await put({ enabled: false }, await h.sessionAs("viewer"))).status).toBe(403);

    const [failed, disabled, enabled] = await events();
    expect(enabled).toMatchObject({
      bucket: "avatars",
      action: "logging.enable",
      actor: { name: "test-operator", via: "session" },
      before: { enabled: false, targetBucket: null, targetPrefix: null },
      after: { enabled: true, targetBucket: "logs", targetPrefix: "av/" },
      status: "committed",
      note: null,
    });
    expect(Date.parse(enabled?.time ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(disabled).toMatchObject({
      action: "logging.disable",
      before: { enabled: true, targetBucket: "logs", targetPrefix: "av/" },
      after: { enabled: false, targetBucket: null, targetPrefix: null },
      status: "committed",
    });
    expect(failed).toMatchObject({
      action: "logging.enable",
      after: { targetBucket: "nosuch-target" },
      status: "failed",
      note: expect.stringMatching(/nosuch-target/),
    });
    expect(await events()).toHaveLength(3);
    expect(await h.oss.getBucketLogging({ bucket: "avatars" })).toBeUndefined();
  });

  it.each([
    ["/api/buckets/photos/usage?days=0", "GET", undefined, 400, "InvalidRequest"],
    ["/api/buckets/photos/usage?days=abc", "GET", undefined, 400, "InvalidRequest"],
    ["/api/buckets/nosuch/usage", "GET", undefined, 404, "UnknownBucket"],
    ["/api/buckets/nosuch/usage/scan", "POST", undefined, 404, "UnknownBucket"],
    [
      "/api/buckets/photos/usage/logging",
      "PUT",
      { enabled: true, targetBucket: "Bad_Name" },
      400,
      "InvalidRequest",
    ],
    [
      "/api/buckets/photos/usage/logging",
      "PUT",
      { enabled: true, targetBucket: "logs", targetPrefix: "a\nb" },
      400,
      "InvalidRequest",
    ],
    [
      "/api/buckets/photos/usage/logging",
      "PUT",
      { enabled: true, targetBucket: "nosuch-target" },
      400,
      "InvalidTargetBucketForLogging",
    ],
  ])("%s %s", async (path, method, body, status, code) => {
    const res = await h.request(path, body ? json(method, h.bearer, body) : { method, headers: h.bearer });
    expect(res.status).toBe(status);
    expect((await errorOf(res)).error.code).toBe(code);
  });

  it("needs a session", async () => {
    expect((await h.request("/api/buckets/photos/usage")).status).toBe(401);
    expect((await h.request("/api/usage/requests")).status).toBe(401);
  });
});

describe("GET /api/usage/requests", () => {
  it("counts every OSS call the console made by API, bucket and person, and prices the style calls", async () => {
    const month = billingMonth(Date.now());
    const before = (await (
      await h.request(`/api/usage/requests?month=${month}`, { headers: h.bearer })
    ).json()) as RequestsReport;
    await h.request("/api/buckets/avatars/styles", { headers: h.bearer });
    await h.request("/api/buckets/avatars/styles", { headers: h.bearer });
    await h.request("/api/buckets/avatars/styles/nosuch", { headers: h.bearer });
    const res = await h.request(`/api/usage/requests?month=${month}`, { headers: h.bearer });
    expect(res.status).toBe(200);
    const after = (await res.json()) as RequestsReport;
    expect(after.month).toBe(month);
    expect((after.byApi.ListStyle ?? 0) - (before.byApi.ListStyle ?? 0)).toBe(2);
    expect((after.byApi.GetStyle ?? 0) - (before.byApi.GetStyle ?? 0)).toBe(1);
    expect((after.byBucket.avatars ?? 0) - (before.byBucket.avatars ?? 0)).toBe(3);
    expect(after.total - before.total).toBe(3);
    const [userId] = Object.keys(after.byUser);
    expect(after.userNames[userId ?? ""]).toMatch(/Admin/);
    expect(after).toMatchObject({ freeTier: 1000, billable: 0, costCny: 0, pricePerRequestCny: 0.0001 });
    expect(after.styleRequests).toBe(
      ["PutStyle", "GetStyle", "ListStyle", "DeleteStyle"].reduce((n, api) => n + (after.byApi[api] ?? 0), 0),
    );
    const other = await h.request("/api/usage/requests?month=2020-01", { headers: h.bearer });
    expect(await other.json()).toMatchObject({ month: "2020-01", total: 0, billable: 0 });
    const bad = await h.request("/api/usage/requests?month=2026-13", { headers: h.bearer });
    expect(bad.status).toBe(400);
  });
});
