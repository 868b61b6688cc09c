import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, json, jsonOf, startHarness } from "../testing/harness.ts";

/**
 * No password, API token or link secret in any log line, audit record or response, but the one
 * response that hands a new token or link over (shown once, by design).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

it("keeps passwords, API tokens and link secrets out of logs, responses and the audit", async () => {
  const admin = await h.browser();
  const password = "a secret worth keeping 42";
  const wrong = "a wrong secret typed 43";
  const created = await h.request("/api/users", json("POST", admin, { username: "sam", role: "operator" }));
  const link = (await jsonOf<{ invite: { url: string } }>(created)).invite.url.split("#invite=")[1] ?? "";
  await h.request("/api/invites/check", json("POST", h.anonymousBrowser(), { token: link }));
  const accepted = await h.request(
    "/api/invites/accept",
    json("POST", h.anonymousBrowser(), { token: link, password }),
  );
  const cookie = accepted.headers.get("Set-Cookie")?.split(";")[0] ?? "";
  const me = { ...h.anonymousBrowser(), Cookie: cookie };
  await h.signIn("sam", wrong);
  const minted = await h.request("/api/tokens", json("POST", me, { name: "script" }));
  const token = (await jsonOf<{ token: string }>(minted)).token;
  const bearer = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  await h.request(
    "/api/buckets/photos/styles",
    json("POST", bearer, { name: "by-script", content: "image/resize,w_9" }),
  );
  await h.request("/api/buckets", { headers: { Authorization: `Bearer ${token}x` } });
  await h.request(
    "/api/profile/password",
    json("PUT", me, { currentPassword: wrong, newPassword: `${password}!` }),
  );

  const audit = JSON.stringify(await h.database.db.selectFrom("audit_events").selectAll().execute());
  const accountAudit = JSON.stringify(await h.database.db.selectFrom("account_events").selectAll().execute());
  const stored = JSON.stringify(await h.database.db.selectFrom("users").selectAll().execute());
  for (const secret of [password, wrong, token, link, `${password}!`]) {
    expect(h.logs.filter((l) => l.includes(secret))).toEqual([]);
    expect(audit).not.toContain(secret);
    expect(accountAudit).not.toContain(secret);
    expect(stored).not.toContain(secret);
  }
  for (const secret of [password, wrong, `${password}!`])
    expect(h.seen.filter((s) => s.includes(secret))).toEqual([]);
  // The token and the link each appear in exactly one response: the one that handed them over.
  expect(h.seen.filter((s) => s.includes(token))).toHaveLength(1);
  expect(h.seen.filter((s) => s.includes(link))).toHaveLength(1);
  expect(audit).toContain("by-script");
});
