import { describe, expect, it } from "vitest";
import { DEFAULT_THROTTLE, MemoryThrottleStore, SignInThrottle, waitMs } from "./throttle.ts";

describe("waitMs: exponential delay past the free failures", () => {
  const policy = { ...DEFAULT_THROTTLE, freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000 };
  it.each([
    [2, 0],
    [3, 1000],
    [4, 2000],
    [5, 4000],
    [6, 8000],
    [12, 8000],
  ])("after %i failures on a pair, waits %i ms", (failures, expected) => {
    expect(waitMs({ failures, resetAt: 10_000 + policy.forgetAfterMs }, "pair", policy, 10_000)).toBe(
      expected,
    );
  });

  it("counts from the last failure and forgets after forgetAfterMs", () => {
    const at0 = policy.forgetAfterMs;
    expect(waitMs({ failures: 4, resetAt: at0 }, "pair", policy, 1500)).toBe(500);
    expect(waitMs({ failures: 30, resetAt: at0 }, "pair", policy, policy.forgetAfterMs)).toBe(0);
  });

  it("lets an account and an address fail more often than a pair before slowing", () => {
    expect(waitMs({ failures: 5, resetAt: policy.forgetAfterMs }, "account", policy, 0)).toBe(0);
    expect(waitMs({ failures: 6, resetAt: policy.forgetAfterMs }, "account", policy, 0)).toBe(1000);
    expect(waitMs({ failures: 11, resetAt: policy.forgetAfterMs }, "address", policy, 0)).toBe(0);
    expect(waitMs({ failures: 12, resetAt: policy.forgetAfterMs }, "address", policy, 0)).toBe(1000);
  });
});

describe("SignInThrottle", () => {
  it("slows the guessed account, not another account from the same address, and clears on success", async () => {
    let now = 0;
    const throttle = new SignInThrottle(
      new MemoryThrottleStore(),
      { ...DEFAULT_THROTTLE, freeFailures: 2 },
      () => now,
    );
    await throttle.failed("ada", "10.0.0.1");
    expect((await throttle.gate("ada", "10.0.0.1")).accountWait).toBe(0);
    const gate = await throttle.failed("ada", "10.0.0.1");
    expect(gate.accountWait).toBe(1);
    expect(await throttle.gate("bob", "10.0.0.1")).toEqual({ accountWait: 0, addressWait: 0 });
    now += 1000;
    expect((await throttle.gate("ada", "10.0.0.1")).accountWait).toBe(0);
    expect((await throttle.failed("ada", "10.0.0.1")).accountWait).toBe(2);
    await throttle.succeeded("ada", "10.0.0.1");
    expect((await throttle.gate("ada", "10.0.0.1")).accountWait).toBe(0);
  });
});
