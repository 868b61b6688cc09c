import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../http/csrf.ts";
import { ADMIN_TOKEN, type Harness, json, jsonOf, ORIGIN, startHarness } from "../testing/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const signInInit = (token: string, extra: Record<string, string> = {}) =>
  json(
    "POST",
    { "Content-Type": "application/json", Origin: ORIGIN, [CSRF_HEADER]: CSRF_HEADER_VALUE, ...extra },
    { token },
  );

describe("POST /api/session", () => {
  it("signs in with the admin token: an HttpOnly, SameSite=Strict, Path=/ cookie, not Secure over http", async () => {
    const res = await h.request("/api/session", signInInit(ADMIN_TOKEN));
    expect(res.status).toBe(200);
    const body = await jsonOf<{ expiresAt: string }>(res);
    expect(body).toMatchObject({
      signedIn: true,
      via: "bootstrap-token",
      user: { id: "bootstrap-admin", username: "admin", role: "admin" },
    });
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^sc_session=[\w-]{20,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).not.toContain(ADMIN_TOKEN);
  });

  it("marks the cookie Secure when served over HTTPS", async () => {
    const res = await h.request(
      "https://console.example/api/session",
      signInInit(ADMIN_TOKEN, { Origin: "https://console.example" }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Set-Cookie")).toMatch(/Secure/);
  });

  it("refuses a wrong token with 401 and no cookie", async () => {
    const res = await h.request("/api/session", {
      ...signInInit("not-the-token-at-all"),
      address: "10.0.0.9",
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await res.json()).toMatchObject({ error: { code: "InvalidToken" } });
  });

  it("needs a JSON body with a token", async () => {
    const res = await h.request("/api/session", json("POST", { ...h.bearer }, { nope: 1 }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: "InvalidRequest", details: { issues: [{ path: "token" }] } },
    });
    const half = await h.request("/api/session", json("POST", { ...h.bearer }, { username: "ada" }));
    expect(await half.json()).toMatchObject({
      error: { code: "InvalidRequest", details: { issues: [{ path: "password" }] } },
    });
  });
});

describe("GET and DELETE /api/session", () => {
  it("says signed out without a session, and who is signed in with the cookie or the bearer token", async () => {
    const anonymous = await h.request("/api/session");
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ signedIn: false, sso: null });
    const headers = await h.browser();
    const viaCookie = await h.request("/api/session", { headers });
    expect(await viaCookie.json()).toMatchObject({
      signedIn: true,
      via: "bootstrap-token",
      user: { username: "admin", role: "admin" },
      expiresAt: expect.any(String),
    });
    const viaBearer = await h.request("/api/session", { headers: h.bearer });
    expect(await viaBearer.json()).toMatchObject({
      signedIn: true,
      via: "bootstrap-token",
      user: { id: "bootstrap-admin", username: "admin", role: "admin" },
      expiresAt: null,
    });
  });

  it("refuses a wrong bearer token on the probe too (scripts get no silent 'signed out')", async () => {
    const res = await h.request("/api/session", { headers: { Authorization: "Bearer wrong" } });
    expect(res.status).toBe(401);
  });

  it("rejects a wrong bearer token, and a forged cookie", async () => {
    expect((await h.request("/api/buckets", { headers: { Authorization: "Bearer wrong" } })).status).toBe(
      401,
    );
    expect((await h.request("/api/buckets", { headers: { Cookie: "sc_session=forged" } })).status).toBe(401);
  });

  it("signs out: the cookie is cleared and no longer works", async () => {
    const headers = await h.browser();
    const res = await h.request("/api/session", { method: "DELETE", headers });
    expect(res.status).toBe(204);
    expect(res.headers.get("Set-Cookie")).toMatch(/sc_session=;.*Max-Age=0/);
    expect((await h.request("/api/buckets", { headers })).status).toBe(401);
  });

  it("expires sessions after their lifetime", async () => {
    let now = Date.now();
    const timed = await startHarness({ now: () => now });
    try {
      const headers = await timed.browser();
      expect(await (await timed.request("/api/session", { headers })).json()).toMatchObject({
        signedIn: true,
      });
      now += 3_600_001;
      expect(await (await timed.request("/api/session", { headers })).json()).toEqual({
        signedIn: false,
        sso: null,
      });
      expect((await timed.request("/api/buckets", { headers })).status).toBe(401);
    } finally {
      await timed.close();
    }
  });
});

describe("CSRF rules for cookie sessions", () => {
  const create = (headers: Record<string, string>) =>
    h.request(
      "/api/buckets/photos/styles",
      json("POST", headers, { name: "csrf-probe", content: "image/resize,w_10" }),
    );

  it("refuses a mutation without the custom header", async () => {
    const { [CSRF_HEADER]: _dropped, ...headers } = await h.browser();
    const res = await create(headers);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "CsrfRejected" } });
  });

  it("refuses a mutation from another origin, or from nowhere", async () => {
    const headers = await h.browser();
    expect((await create({ ...headers, Origin: "https://evil.example" })).status).toBe(403);
    expect((await create({ ...headers, Origin: "null" })).status).toBe(403);
    const { Origin: _o, ...noOrigin } = headers;
    expect((await create(noOrigin)).status).toBe(403);
    expect((await create({ ...headers, "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
  });

  it("compares the scheme too: the same host on another scheme or port is another origin (issue 14)", async () => {
    const headers = await h.browser();
    // The harness serves http://localhost; a page on https://localhost, or on :8080, is not this console.
    expect((await create({ ...headers, Origin: "https://localhost" })).status).toBe(403);
    expect((await create({ ...headers, Origin: "http://localhost:8080" })).status).toBe(403);
    const { Origin: _o, ...noOrigin } = headers;
    expect((await create({ ...noOrigin, Referer: "https://localhost/styles" })).status).toBe(403);
  });

  it("accepts Sec-Fetch-Site: same-origin (Origin null from a no-referrer page), or a same-origin Referer", async () => {
    const headers = await h.browser();
    expect((await create({ ...headers, Origin: "null", "Sec-Fetch-Site": "same-origin" })).status).toBe(201);
    const { Origin: _o, ...noOrigin } = headers;
    const res = await h.request(
      "/api/buckets/photos/styles/csrf-probe",
      json(
        "PUT",
        { ...noOrigin, Referer: `${ORIGIN}/buckets/photos` },
        { content: "image/resize,w_20", force: true },
      ),
    );
    expect(res.status).toBe(200);
  });

  it("needs neither for bearer requests (scripts), and not for reads", async () => {
    const res = await h.request("/api/buckets/photos/styles/csrf-probe", {
      method: "DELETE",
      headers: h.bearer,
    });
    expect(res.status).toBe(204);
    const { [CSRF_HEADER]: _dropped, Origin: _o, ...bare } = await h.browser();
    expect((await h.request("/api/buckets", { headers: bare })).status).toBe(200);
  });

  it("guards sign-in too (no login CSRF)", async () => {
    const res = await h.request("/api/session", signInInit(ADMIN_TOKEN, { Origin: "https://evil.example" }));
    expect(res.status).toBe(403);
  });
});

describe("security headers", () => {
  it("are on every response, successes and errors alike", async () => {
    for (const res of [
      await h.request("/api/health"),
      await h.request("/api/buckets"),
      await h.request("/api/nope"),
    ]) {
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("img-src 'self' blob: data:");
      // No inline script, no inline <style> but CodeMirror's three by hash; only style attributes may be
      // inline (style-src-attr, for CodeMirror; decision 021).
      const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(" ")[0] ?? "", d] as const));
      expect(directives.get("script-src")).toBe("script-src 'self'");
      expect(directives.get("style-src")).not.toContain("unsafe-inline");
      expect(directives.get("style-src-attr")).toBe("style-src-attr 'unsafe-inline'");
      expect(csp.replace(directives.get("style-src-attr") ?? "", "")).not.toContain("unsafe-inline");
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Referrer-Policy")).toBe("same-origin");
      expect(res.headers.get("X-Frame-Options")).toBe("DENY");
      expect(res.headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
      expect(res.headers.get("Cache-Control")).toBe("no-store");
    }
  });
});
