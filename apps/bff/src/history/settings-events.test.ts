import type { SettingsEventDto } from "@style-console/contract/dto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type Harness, json, jsonOf, startHarness } from "../testing/harness.ts";
import { recordBucketEvent } from "../usage/bucket-events.ts";

// `GET /api/buckets/:bucket/settings/events`: the history of the "require review" switch, newest first,
// read from `bucket_events` without the access-logging rows that share the table.

let h: Harness;
let admin: Record<string, string>;
const settings = "/api/buckets/photos/settings";
const events = `${settings}/events`;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.browser();
  const put = (requireReview: boolean) => h.request(settings, json("PUT", admin, { requireReview }));
  expect((await put(true)).status).toBe(200);
  // A logging row between the switches: the route must skip it.
  const system = { id: "someone", displayName: "Someone", via: "session" as const };
  await recordBucketEvent(h.database.db, system, "photos", "logging.enable", null, { enabled: true });
  expect((await put(false)).status).toBe(200);
  expect((await put(true)).status).toBe(200);
  // Another bucket's switch stays there.
  expect(
    (await h.request("/api/buckets/avatars/settings", json("PUT", admin, { requireReview: true }))).status,
  ).toBe(200);
});
afterAll(() => h.close());

const list = async (headers: Record<string, string>, query = "") => {
  const res = await h.request(`${events}${query}`, { headers });
  return { res, events: res.ok ? (await jsonOf<{ events: SettingsEventDto[] }>(res)).events : [] };
};

describe("GET /api/buckets/:bucket/settings/events", () => {
  it("lists only the review switches of this bucket, newest first, with who and before/after", async () => {
    const { res, events: got } = await list(admin);
    expect(res.status).toBe(200);
    expect(got.map((e) => e.action)).toEqual(["review.enable", "review.disable", "review.enable"]);
    expect(got.map((e) => e.id)).toEqual([...got.map((e) => e.id)].sort((a, b) => b - a));
    expect(got[0]).toMatchObject({
      action: "review.enable",
      actor: { id: "bootstrap-admin", via: "bootstrap-token" },
      requireReview: { before: false, after: true },
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(got[1]).toMatchObject({ requireReview: { before: true, after: false } });
    expect(JSON.stringify(got)).not.toContain("logging");
  });

  it("keeps the newest `limit` entries", async () => {
    const all = (await list(admin)).events;
    const { events: two } = await list(admin, "?limit=2");
    expect(two).toEqual(all.slice(0, 2));
    expect((await list(admin, "?limit=200")).events).toEqual(all);
  });

  it.each(["0", "201", "abc", "1.5", "-3"])("refuses limit=%s with 400", async (limit) => {
    const { res } = await list(admin, `?limit=${limit}`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.message).toMatch(/limit/);
  });

  it("is read by whoever may read the bucket's settings, and by nobody else", async () => {
    const viewer = await h.sessionAs("viewer");
    expect((await list(viewer)).res.status).toBe(200);
    expect((await h.request(events, { headers: h.anonymousBrowser() })).status).toBe(401);
    // An account limited to another bucket reads neither the settings nor their history.
    await h.people.createUser({
      username: "avatars-only",
      role: "viewer",
      buckets: ["avatars"],
      password: "a-long-password-for-tests",
    });
    const signedIn = await h.signIn("avatars-only", "a-long-password-for-tests");
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get("Set-Cookie")?.split(";")[0] ?? "";
    const other = { ...h.anonymousBrowser(), Cookie: cookie };
    const settingsStatus = (await h.request(settings, { headers: other })).status;
    expect(settingsStatus).toBeGreaterThanOrEqual(403);
    expect((await h.request(events, { headers: other })).status).toBe(settingsStatus);
    expect((await h.request("/api/buckets/avatars/settings/events", { headers: other })).status).toBe(200);
  });
});
