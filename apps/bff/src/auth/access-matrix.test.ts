import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../testing/harness.ts";
import { ROLES, type Role, roleAtLeast } from "../users/roles.ts";
import { ACCESS_RULES } from "./rules.ts";

/**
 * Every `/api` route × every role (and no session): the expected status of each cell. The routes come
 * from the real router (`app.routes`), so a route added without a rule here, or without a sample
 * request below, fails this test.
 */

type Who = Role | "anonymous";
const WHO: readonly Who[] = ["anonymous", ...ROLES];

interface Sample {
  /** The request path (a function when each role needs its own target). */
  path: string | ((who: Who) => string);
  body?: (who: Who) => unknown;
  /** The status when the caller is allowed (what the route answers to this sample). */
  ok: number;
}

const SAMPLES: Record<string, Sample> = {
  "GET /api/health": { path: "/api/health", ok: 200 },
  // The harness never finishes "startup", so the probe answers not ready, to everyone alike.
  "GET /api/ready": { path: "/api/ready", ok: 503 },
  "GET /api/session": { path: "/api/session", ok: 200 },
  "POST /api/session": {
    path: "/api/session",
    body: () => ({ username: "nobody-here", password: "wrong password!" }),
    ok: 401,
  },
  "DELETE /api/session": { path: "/api/session", ok: 204 },
  "GET /api/buckets": { path: "/api/buckets", ok: 200 },
  "GET /api/buckets/:bucket/styles": { path: "/api/buckets/photos/styles", ok: 200 },
  "GET /api/buckets/:bucket/styles/:name": { path: "/api/buckets/photos/styles/seeded", ok: 200 },
  "POST /api/buckets/:bucket/styles": {
    path: "/api/buckets/photos/styles",
    body: (who) => ({ name: `made-by-${who}`, content: "image/resize,w_100" }),
    ok: 201,
  },
  "PUT /api/buckets/:bucket/styles/:name": {
    path: "/api/buckets/photos/styles/seeded",
    body: () => ({ content: "image/resize,w_120", force: true }),
    ok: 200,
  },
  "DELETE /api/buckets/:bucket/styles/:name": {
    path: (who) => `/api/buckets/photos/styles/doomed-${who}`,
    ok: 204,
  },
  "GET /api/buckets/:bucket/objects": { path: "/api/buckets/photos/objects", ok: 200 },
  "POST /api/buckets/:bucket/styles/:name/rename": {
    path: (who) => `/api/buckets/photos/styles/renamed-${who}/rename`,
    body: (who) => ({ newName: `renamed-${who}-2`, expectedLastModifyTime: "2000-01-01T00:00:00.000Z" }),
    ok: 409,
  },
  "GET /api/buckets/:bucket/thumbnails": {
    path: "/api/buckets/photos/thumbnails?content=image%2Fresize%2Cw_40",
    ok: 200,
  },
  "GET /api/buckets/:bucket/styles/export": { path: "/api/buckets/photos/styles/export", ok: 200 },
  "POST /api/buckets/:bucket/styles/import": {
    path: "/api/buckets/photos/styles/import?dryRun=true",
    body: () => ({
      format: "style-console/styles",
      version: 1,
      bucket: "x",
      region: "cn-hangzhou",
      styles: [],
    }),
    ok: 200,
  },
  "GET /api/buckets/:bucket/style-urls": {
    path: "/api/buckets/photos/style-urls?key=a.jpg&style=seeded",
    ok: 200,
  },
  "GET /api/fleet/styles": { path: "/api/fleet/styles?reference=photos", ok: 200 },
  "GET /api/fleet/style-file.schema.json": { path: "/api/fleet/style-file.schema.json", ok: 200 },
  "POST /api/fleet/copy/plan": {
    path: "/api/fleet/copy/plan",
    body: () => ({ source: "photos", targets: [] }),
    ok: 400,
  },
  "GET /api/fleet/jobs": { path: "/api/fleet/jobs", ok: 200 },
  "GET /api/fleet/jobs/:id": { path: "/api/fleet/jobs/00000000-0000-4000-8000-000000000000", ok: 404 },
  "POST /api/fleet/jobs/:id/apply": {
    path: "/api/fleet/jobs/00000000-0000-4000-8000-000000000000/apply",
    ok: 404,
  },
  "POST /api/fleet/jobs/:id/cancel": {
    path: "/api/fleet/jobs/00000000-0000-4000-8000-000000000000/cancel",
    ok: 404,
  },
  "GET /api/buckets/:bucket/usage": { path: "/api/buckets/photos/usage", ok: 200 },
  "POST /api/buckets/:bucket/usage/scan": { path: "/api/buckets/photos/usage/scan", ok: 200 },
  "PUT /api/buckets/:bucket/usage/logging": {
    path: "/api/buckets/photos/usage/logging",
    body: () => ({ enabled: false }),
    ok: 200,
  },
  "GET /api/buckets/:bucket/usage/logging/events": {
    path: "/api/buckets/photos/usage/logging/events",
    ok: 200,
  },
  "GET /api/usage/requests": { path: "/api/usage/requests", ok: 200 },
  "GET /api/samples": { path: "/api/samples", ok: 200 },
  // Not multipart: the upload route's own 415 shows the request got past the access check.
  "POST /api/samples": { path: "/api/samples", body: () => ({}), ok: 415 },
  "DELETE /api/samples/:id": { path: "/api/samples/no-such-upload", ok: 404 },
  "GET /api/preview": { path: "/api/preview?source=sample:flowers&process=image/resize,w_40", ok: 200 },
  "GET /api/preview/parity": { path: "/api/preview/parity", ok: 400 },
  "POST /api/validate": { path: "/api/validate", body: () => ({ content: "image/resize,w_100" }), ok: 200 },
  "GET /api/audit": { path: "/api/audit", ok: 200 },
  "GET /api/users": { path: "/api/users", ok: 200 },
  "GET /api/users/events": { path: "/api/users/events", ok: 200 },
  "POST /api/users": {
    path: "/api/users",
    body: (who) => ({ username: `new-by-${who}`, role: "viewer" }),
    ok: 201,
  },
  "PATCH /api/users/:id": {
    path: "/api/users/target-user",
    body: () => ({ displayName: "Target" }),
    ok: 200,
  },
  "POST /api/users/:id/reset": { path: "/api/users/target-user/reset", ok: 201 },
  "GET /api/sessions": { path: "/api/sessions", ok: 200 },
  "DELETE /api/sessions/:id": { path: "/api/sessions/no-such-session", ok: 404 },
  "GET /api/tokens": { path: "/api/tokens", ok: 200 },
  "POST /api/tokens": { path: "/api/tokens", body: (who) => ({ name: `script of ${who}` }), ok: 201 },
  "DELETE /api/tokens/:id": { path: "/api/tokens/no-such-token", ok: 404 },
  // No new password: the validator's 400 shows the request got past the access check.
  "PUT /api/profile/password": { path: "/api/profile/password", body: () => ({}), ok: 400 },
  "POST /api/invites/check": { path: "/api/invites/check", body: () => ({ token: "not-a-link" }), ok: 404 },
  "POST /api/invites/accept": {
    path: "/api/invites/accept",
    body: () => ({ token: "not-a-link", password: "a long new password" }),
    ok: 404,
  },
  // History, drafts and review (issue 11): unknown ids answer 404 once access is granted.
  "GET /api/buckets/:bucket/styles/:name/versions": {
    path: "/api/buckets/photos/styles/seeded/versions",
    ok: 200,
  },
  "POST /api/buckets/:bucket/styles/:name/versions/:id/restore": {
    path: "/api/buckets/photos/styles/seeded/versions/999999/restore",
    body: () => ({}),
    ok: 404,
  },
  "GET /api/buckets/:bucket/deleted": { path: "/api/buckets/photos/deleted", ok: 200 },
  "GET /api/buckets/:bucket/settings": { path: "/api/buckets/photos/settings", ok: 200 },
  "GET /api/buckets/:bucket/settings/events": { path: "/api/buckets/photos/settings/events", ok: 200 },
  "PUT /api/buckets/:bucket/settings": {
    path: "/api/buckets/photos/settings",
    body: () => ({ requireReview: false }),
    ok: 200,
  },
  "POST /api/buckets/:bucket/drafts": {
    path: "/api/buckets/photos/drafts",
    body: (who) => ({ name: `draft-by-${who}`, content: "image/resize,w_100" }),
    ok: 201,
  },
  "GET /api/buckets/:bucket/drafts": { path: "/api/buckets/photos/drafts", ok: 200 },
  "GET /api/buckets/:bucket/drafts/:id": { path: "/api/buckets/photos/drafts/999999", ok: 404 },
  "GET /api/buckets/:bucket/drafts/:id/events": {
    path: "/api/buckets/photos/drafts/999999/events",
    ok: 404,
  },
  "PUT /api/buckets/:bucket/drafts/:id": {
    path: "/api/buckets/photos/drafts/999999",
    body: () => ({ content: "image/resize,w_1" }),
    ok: 404,
  },
  "DELETE /api/buckets/:bucket/drafts/:id": { path: "/api/buckets/photos/drafts/999999", ok: 404 },
  "POST /api/buckets/:bucket/drafts/:id/review": {
    path: "/api/buckets/photos/drafts/999999/review",
    ok: 404,
  },
  "POST /api/buckets/:bucket/drafts/:id/publish": {
    path: "/api/buckets/photos/drafts/999999/publish",
    body: () => ({}),
    ok: 404,
  },
  "POST /api/buckets/:bucket/drafts/:id/reject": {
    path: "/api/buckets/photos/drafts/999999/reject",
    body: () => ({ comment: "no" }),
    ok: 404,
  },
  // Single sign-on is not configured in this harness: both answer so.
  "GET /api/auth/oidc/login": { path: "/api/auth/oidc/login", ok: 404 },
  "GET /api/auth/oidc/callback": { path: "/api/auth/oidc/callback", ok: 404 },
};

function expected(route: string, who: Who): number {
  const rule = ACCESS_RULES[route];
  const sample = SAMPLES[route];
  if (!rule || !sample) throw new Error(`no rule or sample for ${route}`);
  if (rule.need === "public") return sample.ok;
  if (who === "anonymous") return 401;
  if (rule.need === "signedIn" || roleAtLeast(who, rule.need)) return sample.ok;
  return 403;
}

let h: Harness;
let routes: string[];
beforeAll(async () => {
  h = await startHarness();
  for (const who of WHO) await h.oss.putStyle(`doomed-${who}`, "image/resize,w_10", { bucket: "photos" });
  for (const who of WHO) await h.oss.putStyle(`renamed-${who}`, "image/resize,w_10", { bucket: "photos" });
  await h.oss.putStyle("seeded", "image/resize,w_100", { bucket: "photos" });
  await h.people.createUser({ id: "target-user", username: "target", role: "viewer" });
  const keys = h.app.routes
    .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
    .map((r) => `${r.method} ${r.path}`);
  routes = [...new Set(keys)];
}, 60_000);
afterAll(() => h.close());

describe("the access table covers the router", () => {
  it("every route of the real router has a rule and a sample, and every rule a route", () => {
    expect(routes.filter((r) => !ACCESS_RULES[r])).toEqual([]);
    expect(routes.filter((r) => !SAMPLES[r])).toEqual([]);
    expect(Object.keys(ACCESS_RULES).filter((r) => !routes.includes(r))).toEqual([]);
  });
});

describe("route × role", () => {
  const cells = Object.keys(SAMPLES).flatMap((route) => WHO.map((who) => [route, who] as const));
  it.each(cells)("%s as %s", async (route, who) => {
    const sample = SAMPLES[route] as Sample;
    const [method] = route.split(" ") as [string];
    const path = typeof sample.path === "function" ? sample.path(who) : sample.path;
    const headers = who === "anonymous" ? h.anonymousBrowser() : await h.sessionAs(who);
    const body = sample.body?.(who);
    const res = await h.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      redirect: "manual",
    });
    expect(res.status, await res.clone().text()).toBe(expected(route, who));
    if (res.status === 403 && expected(route, who) === 403) {
      expect(await res.json()).toMatchObject({ error: { code: "Forbidden", details: { role: who } } });
    }
  });
});
