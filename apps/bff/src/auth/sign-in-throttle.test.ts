import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../testing/harness.ts";

/**
 * Throttling protects without locking people out (issue 10): 20 wrong passwords for one account slow
 * that account only; another account signs in from the same address at once; the client address is
 * taken from X-Forwarded-For only when TRUST_PROXY says so.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    throttle: { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 60_000, forgetAfterMs: 3_600_000 },
  });
  await h.people.createUser({ username: "alice", role: "operator", password: "alice has a long password" });
  await h.people.createUser({ username: "bob", role: "viewer", password: "bob has one too, different" });
});
afterAll(() => h.close());

describe("20 wrong passwords for one account", () => {
  it("slow only that account; another signs in from the same address at once", async () => {
    const office = "203.0.113.10";
    const statuses: number[] = [];
    const waits: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await h.signIn("alice", `wrong guess ${i}`, office);
      statuses.push(res.status);
      if (res.status === 429) waits.push(Number(res.headers.get("Retry-After")));
    }
    // Five free failures, then alice is in her delay: each early attempt is refused unchecked.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(6).every((s) => s === 429)).toBe(true);
    expect(waits.every((w) => w >= 1)).toBe(true);

    // Bob, behind the same address, signs in at once.
    expect((await h.signIn("bob", "bob has one too, different", office)).status).toBe(200);
    // Alice, even with her right password, waits: her account is what is being guessed.
    const slowed = await h.signIn("alice", "alice has a long password", office);
    expect(slowed.status).toBe(429);
    expect(await slowed.json()).toMatchObject({
      error: { code: "TooManyAttempts", details: { retryAfter: expect.any(Number) } },
    });
  });

  it("doubles the delay with each further failure, and lets the right password in once the delay is over", async () => {
    const from = "198.51.100.20";
    await h.people.createUser({ username: "carol", role: "viewer", password: "carol keeps forgetting" });
    for (let i = 0; i < 5; i++) await h.signIn("carol", `nope ${i}`, from);
    const first = await h.signIn("carol", "nope again", from);
    expect(first.status).toBe(429);
    const wait1 = Number(first.headers.get("Retry-After"));
    h.advance(wait1 * 1000);
    expect((await h.signIn("carol", "still wrong", from)).status).toBe(401);
    const second = await h.signIn("carol", "nope again", from);
    const wait2 = Number(second.headers.get("Retry-After"));
    expect(wait2).toBeGreaterThanOrEqual(wait1 * 2 - 1);
    h.advance(wait2 * 1000);
    expect((await h.signIn("carol", "carol keeps forgetting", from)).status).toBe(200);
  });
});

describe("the client address", () => {
  it("ignores X-Forwarded-For without TRUST_PROXY, so a guesser cannot make up fresh addresses", async () => {
    await h.people.createUser({ username: "dave", role: "viewer", password: "dave at the front door" });
    const socket = "192.0.2.50";
    const results: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await h.signIn("dave", `guess ${i}`, socket, { "X-Forwarded-For": `10.0.${i}.1` });
      results.push(res.status);
    }
    expect(results.slice(6)).toEqual([429, 429]);
  });

  it("with TRUST_PROXY=1 takes the address the proxy saw, not what the client wrote", async () => {
    const behind = await startHarness({ trustedProxies: 1 });
    try {
      await behind.people.createUser({ username: "erin", role: "viewer", password: "erin behind a proxy" });
      await behind.people.createUser({ username: "finn", role: "viewer", password: "finn behind a proxy" });
      const proxy = "10.0.0.2";
      // Erin's guesses arrive through the proxy from 203.0.113.7; the forged first entries change nothing.
      for (let i = 0; i < 6; i++)
        await behind.signIn("erin", `guess ${i}`, proxy, { "X-Forwarded-For": `6.6.6.${i}, 203.0.113.7` });
      const erin = await behind.signIn("erin", "erin behind a proxy", proxy, {
        "X-Forwarded-For": "203.0.113.7",
      });
      expect(erin.status).toBe(429);
      // Erin from another client address (same proxy) is not in the pair's delay.
      const elsewhere = await behind.signIn("erin", "erin behind a proxy", proxy, {
        "X-Forwarded-For": "203.0.113.99",
      });
      expect(elsewhere.status).toBe(200);
      const sessions = await behind.request("/api/sessions", {
        headers: { Cookie: elsewhere.headers.get("Set-Cookie")?.split(";")[0] ?? "" },
      });
      expect(await sessions.json()).toMatchObject({ sessions: [{ address: "203.0.113.99" }] });
    } finally {
      await behind.close();
    }
  });
});
