import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createErrorHandler } from "../http/error.ts";
import type { Principal } from "../users/principal.ts";
import type { Role } from "../users/roles.ts";
import { authorize } from "./authorize.ts";
import type { AccessRule } from "./rules.ts";

const principal = (role: Role, buckets: string[] | null = null): Principal => ({
  id: "u1",
  username: "ada",
  displayName: "Ada",
  role,
  buckets,
  via: "session",
  sessionId: null,
  tokenId: null,
  expiresAt: null,
});

const rules: Record<string, AccessRule> = {
  "GET /api/open": { need: "public" },
  "POST /api/things/:bucket": { need: "operator", buckets: (c) => [c.req.path.split("/")[3] ?? ""] },
};

function app(who: Principal | null) {
  const logs: string[] = [];
  const api = new Hono<{ Variables: { principal: Principal | null } }>()
    .use("*", async (c, next) => {
      c.set("principal", who);
      await next();
    })
    .use("*", authorize(rules, { info: (l) => logs.push(l), error: (l) => logs.push(l) }))
    .get("/open", (c) => c.text("open"))
    .post("/things/:bucket", (c) => c.text("done"))
    .get("/forgotten", (c) => c.text("should never answer"));
  const root = new Hono().route("/api", api);
  root.onError(createErrorHandler({ info: () => {}, error: () => {} }));
  return { root, logs };
}

describe("authorize", () => {
  it("fails closed: a route without a rule is refused to everyone, even an admin, and logged", async () => {
    const { root, logs } = app(principal("admin"));
    const res = await root.request("/api/forgotten");
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "NoAccessRule" } });
    expect(logs.join("\n")).toContain("GET /api/forgotten");
  });

  it("lets anyone through a public route", async () => {
    expect((await app(null).root.request("/api/open")).status).toBe(200);
  });

  it.each([
    [null, 401],
    [principal("viewer"), 403],
    [principal("designer"), 403],
    [principal("operator"), 200],
    [principal("admin"), 200],
    [principal("operator", ["photos"]), 200],
    [principal("admin", ["avatars"]), 403],
  ] as const)("POST /api/things/photos as %j → %i", async (who, status) => {
    const res = await app(who).root.request("/api/things/photos", { method: "POST" });
    expect(res.status).toBe(status);
  });

  it("says what role is needed and which bucket is outside a limited role", async () => {
    const low = await app(principal("viewer")).root.request("/api/things/photos", { method: "POST" });
    expect(await low.json()).toMatchObject({
      error: { code: "Forbidden", details: { need: "operator", role: "viewer" } },
    });
    const limited = await app(principal("admin", ["avatars"])).root.request("/api/things/photos", {
      method: "POST",
    });
    expect(await limited.json()).toMatchObject({
      error: { code: "BucketNotAllowed", details: { bucket: "photos" } },
    });
  });

  it("answers an unknown path 401 when signed out, and lets it reach the 404 when signed in", async () => {
    expect((await app(null).root.request("/api/nothing-here")).status).toBe(401);
    expect((await app(principal("viewer")).root.request("/api/nothing-here")).status).toBe(404);
  });
});
