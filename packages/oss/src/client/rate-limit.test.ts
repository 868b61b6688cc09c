import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.ts";
import type { Runtime } from "./runtime.ts";

function fakeRuntime() {
  let now = 0;
  const sleeps: number[] = [];
  const runtime: Runtime = {
    now: () => now,
    random: () => 0,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  return { runtime, sleeps, advance: (ms: number) => (now += ms) };
}

describe("RateLimiter", () => {
  it("lets a burst through, then spaces requests at the rate", () => {
    const { runtime } = fakeRuntime();
    const limiter = new RateLimiter(10, 2, runtime);
    expect([limiter.reserve(), limiter.reserve(), limiter.reserve(), limiter.reserve()]).toEqual([
      0, 0, 100, 200,
    ]);
  });

  it("refills with time, up to the burst", () => {
    const { runtime, advance } = fakeRuntime();
    const limiter = new RateLimiter(10, 2, runtime);
    limiter.reserve();
    limiter.reserve();
    advance(10_000);
    expect([limiter.reserve(), limiter.reserve(), limiter.reserve()]).toEqual([0, 0, 100]);
  });

  it("keeps 100 requests/s over a second of demand", () => {
    const { runtime, sleeps } = fakeRuntime();
    const limiter = new RateLimiter(100, 100, runtime);
    return Promise.all(Array.from({ length: 300 }, () => limiter.acquire())).then(() => {
      // 100 free, then one every 10 ms: the 300th waits 2 s.
      expect(sleeps).toHaveLength(200);
      expect(sleeps.at(-1)).toBe(2000);
    });
  });
});
