import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, errorOf, type Harness, json, jsonOf, startHarness } from "../testing/harness.ts";

let h: Harness;
let admin: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
});
// A fresh admin session for each test: some move the clock by days, past a session's lifetime.
beforeEach(async () => {
  admin = await h.browser();
});
afterAll(() => h.close());

const cookieOf = (res: Response) => res.headers.get("Set-Cookie")?.split(";")[0] ?? "";

describe("accounts", () => {
  it("an admin creates an account with a password; it signs in and GET /api/session names it", async () => {
    const res = await h.request(
      "/api/users",
      json("POST", admin, { username: "Ada", role: "operator", password: "analytical engines hum" }),
    );
    expect(res.status).toBe(201);
    const body = await jsonOf<{ user: { id: string; username: string; role: string }; invite?: unknown }>(
      res,
    );
    expect(body.user).toMatchObject({ username: "ada", role: "operator" });
    expect(body.invite).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/argon2|analytical/);

    const taken = await h.request("/api/users", json("POST", admin, { username: "ada", role: "viewer" }));
    expect(taken.status).toBe(409);

    const signIn = await h.signIn("ada", "analytical engines hum");
    expect(signIn.status).toBe(200);
    const session = await h.request("/api/session", { headers: { Cookie: cookieOf(signIn) } });
    expect(await session.json()).toMatchObject({
      signedIn: true,
      user: { id: body.user.id, username: "ada", role: "operator" },
      via: "session",
    });
  });

  it("refuses a weak password with the policy's reason, and a wrong one without saying which part was wrong", async () => {
    const weak = await h.request(
      "/api/users",
      json("POST", admin, { username: "weak", role: "viewer", password: "password123" }),
    );
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({
      error: { code: "WeakPassword", details: { problem: "common" } },
    });
    const wrong = await h.signIn("ada", "not the password at all", "10.1.1.1");
    const unknown = await h.signIn("nobody", "not the password at all", "10.1.1.2");
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await errorOf(wrong)).error).toEqual((await errorOf(unknown)).error);
  });

  it("invites by a single-use link that sets the password and signs in", async () => {
    const res = await h.request("/api/users", json("POST", admin, { username: "grace", role: "designer" }));
    expect(res.status).toBe(201);
    const { invite, user } = await jsonOf<{
      invite: { url: string; expiresAt: string };
      user: { id: string };
    }>(res);
    expect(invite.url).toMatch(/^http:\/\/localhost\/#invite=[\w-]{40,}$/);
    const token = invite.url.split("#invite=")[1] ?? "";
    const check = await h.request("/api/invites/check", json("POST", h.anonymousBrowser(), { token }));
    expect(await check.json()).toMatchObject({ kind: "invite", username: "grace" });
    const weak = await h.request(
      "/api/invites/accept",
      json("POST", h.anonymousBrowser(), { token, password: "grace1234" }),
    );
    expect(weak.status).toBe(400);
    const accepted = await h.request(
      "/api/invites/accept",
      json("POST", h.anonymousBrowser(), { token, password: "compilers all the way down" }),
    );
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ user: { id: user.id, role: "designer" }, via: "session" });
    const again = await h.request(
      "/api/invites/accept",
      json("POST", h.anonymousBrowser(), { token, password: "another long password" }),
    );
    expect(again.status).toBe(404);
    expect((await h.signIn("grace", "compilers all the way down")).status).toBe(200);
  });

  it("an invite link expires", async () => {
    const res = await h.request("/api/users", json("POST", admin, { username: "late", role: "viewer" }));
    const token = (await jsonOf<{ invite: { url: string } }>(res)).invite.url.split("#invite=")[1] ?? "";
    h.advance(8 * 24 * 3600 * 1000);
    const check = await h.request("/api/invites/check", json("POST", h.anonymousBrowser(), { token }));
    expect(check.status).toBe(404);
    expect(await check.json()).toMatchObject({ error: { code: "LinkInvalid" } });
  });

  it("a role change applies at once; disabling ends the account's sessions and refuses its sign-in", async () => {
    const made = await h.people.createUser({
      username: "linus",
      role: "operator",
      password: "penguins on ice floes",
    });
    const signIn = await h.signIn("linus", "penguins on ice floes");
    const cookie = { ...h.anonymousBrowser(), Cookie: cookieOf(signIn) };
    const demote = await h.request(`/api/users/${made.id}`, json("PATCH", admin, { role: "viewer" }));
    expect(await demote.json()).toMatchObject({ user: { role: "viewer" } });
    const write = await h.request(
      "/api/buckets/photos/styles",
      json("POST", cookie, { name: "x1", content: "image/resize,w_1" }),
    );
    expect(write.status).toBe(403);
    const disable = await h.request(`/api/users/${made.id}`, json("PATCH", admin, { disabled: true }));
    expect(disable.status).toBe(200);
    expect((await h.request("/api/buckets", { headers: cookie })).status).toBe(401);
    const again = await h.signIn("linus", "penguins on ice floes");
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({ error: { code: "AccountDisabled" } });
  });

  it("a reset link replaces the password once, and ends the old sessions", async () => {
    const made = await h.people.createUser({
      username: "ken",
      role: "viewer",
      password: "unix philosophy rules",
    });
    const old = cookieOf(await h.signIn("ken", "unix philosophy rules"));
    const res = await h.request(`/api/users/${made.id}/reset`, json("POST", admin, {}));
    expect(res.status).toBe(201);
    const token = (await jsonOf<{ reset: { url: string } }>(res)).reset.url.split("#invite=")[1] ?? "";
    const check = await h.request("/api/invites/check", json("POST", h.anonymousBrowser(), { token }));
    expect(await check.json()).toMatchObject({ kind: "reset", username: "ken" });
    await h.request(
      "/api/invites/accept",
      json("POST", h.anonymousBrowser(), { token, password: "plan nine from bell labs" }),
    );
    expect((await h.request("/api/buckets", { headers: { Cookie: old } })).status).toBe(401);
    expect((await h.signIn("ken", "unix philosophy rules", "10.9.9.9")).status).toBe(401);
    expect((await h.signIn("ken", "plan nine from bell labs")).status).toBe(200);
  });

  it("the built-in admin cannot be disabled, and an admin cannot disable themselves", async () => {
    const users = await jsonOf<{ users: Array<{ id: string; builtin: boolean }> }>(
      await h.request("/api/users", { headers: admin }),
    );
    const builtin = users.users.find((u) => u.builtin);
    const res = await h.request(`/api/users/${builtin?.id}`, json("PATCH", admin, { disabled: true }));
    expect(res.status).toBe(409);
  });
});

describe("personal API tokens", () => {
  it("are shown once, listed without the secret, capped at the owner's role, and revocable", async () => {
    await h.people.createUser({ username: "tess", role: "operator", password: "tokens for my scripts" });
    const me = { ...h.anonymousBrowser(), Cookie: cookieOf(await h.signIn("tess", "tokens for my scripts")) };
    const tooHigh = await h.request("/api/tokens", json("POST", me, { name: "root", role: "admin" }));
    expect(tooHigh.status).toBe(403);
    const res = await h.request(
      "/api/tokens",
      json("POST", me, { name: "ci", role: "viewer", expiresInDays: 30 }),
    );
    expect(res.status).toBe(201);
    const { token, id } = await jsonOf<{ token: string; id: string }>(res);
    expect(token).toMatch(/^sc_pat_[\w-]{43}$/);
    const listed = await h.request("/api/tokens", { headers: me });
    const text = await listed.text();
    expect(text).toContain(id);
    expect(text).not.toContain(token);

    const bearer = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    const session = await jsonOf<{ user: { username: string; role: string }; via: string }>(
      await h.request("/api/session", { headers: bearer }),
    );
    expect(session).toMatchObject({ user: { username: "tess", role: "viewer" }, via: "api-token" });
    expect((await h.request("/api/buckets", { headers: bearer })).status).toBe(200);
    const write = await h.request(
      "/api/buckets/photos/styles",
      json("POST", bearer, { name: "by-token", content: "image/resize,w_1" }),
    );
    expect(write.status).toBe(403);

    expect((await h.request(`/api/tokens/${id}`, { method: "DELETE", headers: me })).status).toBe(204);
    expect((await h.request("/api/buckets", { headers: bearer })).status).toBe(401);
  });

  it("stop working when they expire, and another person cannot see or revoke them", async () => {
    await h.people.createUser({ username: "uma", role: "designer", password: "short lived tokens" });
    await h.people.createUser({ username: "vic", role: "designer", password: "curious colleagues" });
    const uma = { ...h.anonymousBrowser(), Cookie: cookieOf(await h.signIn("uma", "short lived tokens")) };
    const vic = { ...h.anonymousBrowser(), Cookie: cookieOf(await h.signIn("vic", "curious colleagues")) };
    const { token, id } = await jsonOf<{ token: string; id: string }>(
      await h.request("/api/tokens", json("POST", uma, { name: "one day", expiresInDays: 1 })),
    );
    expect((await h.request(`/api/tokens/${id}`, { method: "DELETE", headers: vic })).status).toBe(404);
    expect((await h.request("/api/tokens?userId=all", { headers: vic })).status).toBe(403);
    const all = await h.request("/api/tokens?userId=all", { headers: admin });
    expect(await all.text()).toContain(id);
    h.advance(2 * 24 * 3600 * 1000);
    expect((await h.request("/api/buckets", { headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
  });
});

describe("sessions", () => {
  it("a person lists and ends their own sessions; an admin ends anyone's", async () => {
    await h.people.createUser({ username: "walt", role: "viewer", password: "two browsers open" });
    const first = { ...h.anonymousBrowser(), Cookie: cookieOf(await h.signIn("walt", "two browsers open")) };
    const second = { ...h.anonymousBrowser(), Cookie: cookieOf(await h.signIn("walt", "two browsers open")) };
    const list = await jsonOf<{ sessions: Array<{ id: string; current: boolean; via: string }> }>(
      await h.request("/api/sessions", { headers: first }),
    );
    expect(list.sessions).toHaveLength(2);
    const other = list.sessions.find((s) => !s.current);
    expect((await h.request(`/api/sessions/${other?.id}`, { method: "DELETE", headers: first })).status).toBe(
      204,
    );
    expect((await h.request("/api/buckets", { headers: second })).status).toBe(401);
    const mine = list.sessions.find((s) => s.current);
    expect((await h.request(`/api/sessions/${mine?.id}`, { method: "DELETE", headers: admin })).status).toBe(
      204,
    );
    expect((await h.request("/api/buckets", { headers: first })).status).toBe(401);
  });
});

describe("roles limited to some buckets", () => {
  it("refuses the other buckets' styles and lists only the allowed buckets", async () => {
    await h.people.createUser({
      username: "xena",
      role: "operator",
      password: "only the avatars",
      buckets: ["avatars"],
    });
    const me = { ...h.anonymousBrowser(), Cookie: cookieOf(await h.signIn("xena", "only the avatars")) };
    const refused = await h.request("/api/buckets/photos/styles", { headers: me });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "BucketNotAllowed" } });
    expect((await h.request("/api/buckets/avatars/styles", { headers: me })).status).toBe(200);
    const buckets = await jsonOf<Array<{ name: string }>>(await h.request("/api/buckets", { headers: me }));
    expect(buckets.map((b) => b.name)).toEqual(["avatars"]);
  });
});

describe("the audit names the person", () => {
  it("records the account's id, display name and how it acted", async () => {
    const made = await h.people.createUser({
      username: "yuri",
      role: "operator",
      password: "writes get recorded",
    });
    const me = { ...h.anonymousBrowser(), Cookie: cookieOf(await h.signIn("yuri", "writes get recorded")) };
    expect(
      (
        await h.request(
          "/api/buckets/photos/styles",
          json("POST", me, { name: "by-yuri", content: "image/resize,w_50" }),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await h.request(
          "/api/buckets/photos/styles",
          json("POST", h.bearer, { name: "by-bootstrap", content: "image/resize,w_50" }),
        )
      ).status,
    ).toBe(201);
    const audit = await jsonOf<{ entries: Array<{ style: string; actor: unknown }> }>(
      await h.request("/api/audit?bucket=photos", { headers: admin }),
    );
    expect(audit.entries.find((e) => e.style === "by-yuri")?.actor).toMatchObject({
      id: made.id,
      name: "yuri",
      via: "session",
    });
    expect(audit.entries.find((e) => e.style === "by-bootstrap")?.actor).toMatchObject({
      id: "bootstrap-admin",
      name: "Admin (bootstrap token)",
      via: "bootstrap-token",
    });
    void ADMIN_TOKEN;
  });
});
