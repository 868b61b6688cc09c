import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, json, startHarness } from "./testing/harness.ts";

// Drives every route, successes and failures, and greps everything that left the BFF (status, headers,
// bodies), everything it logged (captured raw, before any redaction) and the audit file.
async function exercise(h: Harness): Promise<void> {
  const browser = await h.browser();
  const path = "/api/buckets/photos/styles";
  await h.request("/api/session", { headers: browser });
  await h.request("/api/buckets", { headers: browser });
  await h.request(path, json("POST", browser, { name: "s1", content: "image/resize,w_1" }));
  await h.request(path, json("POST", browser, { name: "s1", content: "image/resize,w_1" }));
  await h.request(path, json("POST", browser, { name: "bad/name", content: "image/resize,w_1" }));
  await h.request(`${path}/s1`, json("PUT", browser, { content: "image/resize,w_abc" }));
  await h.request(
    `${path}/s1`,
    json("PUT", browser, { content: "image/resize,w_2", expectedLastModifyTime: "2000-01-01T00:00:00Z" }),
  );
  await h.request(`${path}/s1`, { headers: browser });
  await h.request(`${path}/s1`, { method: "DELETE", headers: browser });
  await h.request("/api/validate", json("POST", browser, { content: "image/resize,w_1" }));
  await h.request("/api/audit", { headers: browser });
  await h.request("/api/session", json("POST", { "Content-Type": "application/json" }, { token: "wrong" }));
  await h.request("/api/session", { method: "DELETE", headers: browser });
}

async function expectNoSecrets(h: Harness, secrets: string[]): Promise<void> {
  const outputs = [...h.seen, ...h.logs];
  const audit = JSON.stringify(await h.database.db.selectFrom("audit_events").selectAll().execute());
  const sessions = JSON.stringify(await h.database.db.selectFrom("sessions").selectAll().execute());
  for (const secret of secrets) {
    for (const text of [...outputs, audit, sessions]) expect(text).not.toContain(secret);
  }
  for (const secret of secrets) {
    for (const text of [...outputs, audit]) expect(text).not.toContain(secret);
  }
}

describe("no credential ever leaves the BFF", () => {
  it("the secret key and the admin token appear in no response, header, log line or audit record", async () => {
    const h = await startHarness();
    try {
      await exercise(h);
      expect(h.seen.length).toBeGreaterThan(10);
      // Every request was logged (so the grep below has something to bite on).
      expect(h.logs.some((l) => /^POST \/api\/session 200 \d+ms$/.test(l))).toBe(true);
      expect(h.logs.filter((l) => /^(GET|POST|PUT|DELETE) \/api\//.test(l)).length).toBe(h.seen.length);
      await expectNoSecrets(h, [h.secret, ADMIN_TOKEN]);
    } finally {
      await h.close();
    }
  });

  it("nor when OSS fails (wrong secret, server errors), which is when the BFF logs", async () => {
    const wrong = "wrong-secret-0123456789abcdef";
    const denied = await startHarness({ bffSecret: wrong });
    const failing = await startHarness({ faults: { probabilities: { "500": 0.5 }, seed: 7 } });
    try {
      await exercise(denied);
      await exercise(failing);
      expect(failing.logs.length).toBeGreaterThan(0);
      await expectNoSecrets(denied, [denied.secret, wrong, ADMIN_TOKEN]);
      await expectNoSecrets(failing, [failing.secret, ADMIN_TOKEN]);
    } finally {
      await denied.close();
      await failing.close();
    }
  });
});
