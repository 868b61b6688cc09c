import { describe, expect, it } from "vitest";
import { clockBounds, MAX_CLOCK_DRIFT } from "./clock-bounds.ts";

// The database clock as seen from this process: its offset drifts (the two clocks run at slightly
// different rates) while the rate limit reads it every quarter second with a 2 ms round trip.
function simulate(driftPerMs: number, readAt: (sent: number) => number) {
  const bounds = clockBounds();
  const offset = (t: number) => 50_000 + driftPerMs * t;
  const escapes: number[] = [];
  for (let sent = 0; sent < 120_000; sent += 250) {
    const received = sent + 2;
    const t = readAt(sent);
    bounds.narrow(t + offset(t), sent, received);
    const { low, high } = bounds.at(received);
    if (offset(received) < low || offset(received) > high) escapes.push(received);
  }
  return { escapes, bounds };
}

describe("clockBounds", () => {
  it.each([
    ["runs ahead", MAX_CLOCK_DRIFT / 2],
    ["falls behind", -MAX_CLOCK_DRIFT / 2],
    ["runs ahead at the most", MAX_CLOCK_DRIFT],
  ])("always holds the true offset while the database clock %s", (_what, drift) => {
    // The reading is taken at the end, the start, or in the middle of the round trip.
    for (const readAt of [(s: number) => s + 2, (s: number) => s, (s: number) => s + 1]) {
      expect(simulate(drift, readAt).escapes).toEqual([]);
    }
  });

  it("stays about a round trip wide while it is read often", () => {
    const { bounds } = simulate(MAX_CLOCK_DRIFT / 2, (s) => s + 1);
    const { low, high } = bounds.at(120_002);
    // The round trip, and the drift possible within it and since the last reading, on both sides.
    expect(high - low).toBeLessThanOrEqual(2 + 2 * (2 + 250) * MAX_CLOCK_DRIFT + 1e-9);
  });

  it("widens while it is not read, so an idle limiter reads the clock again", () => {
    const bounds = clockBounds();
    bounds.narrow(1_000_000, 0, 2);
    const fresh = bounds.at(2);
    expect(fresh.low).toBeCloseTo(999_998 - 2 * MAX_CLOCK_DRIFT, 9);
    expect(fresh.high).toBeCloseTo(1_000_000 + 2 * MAX_CLOCK_DRIFT, 9);
    const later = bounds.at(60_002);
    expect(later.high - later.low).toBeCloseTo(fresh.high - fresh.low + 2 * 60_000 * MAX_CLOCK_DRIFT, 9);
  });

  it("starts again from a reading outside it (the database host's clock was stepped)", () => {
    const bounds = clockBounds();
    bounds.narrow(1_000_000, 0, 2);
    bounds.narrow(5_000_000, 10, 12);
    const { low, high } = bounds.at(12);
    expect(low).toBeCloseTo(4_999_988 - 2 * MAX_CLOCK_DRIFT, 9);
    expect(high).toBeCloseTo(4_999_990 + 2 * MAX_CLOCK_DRIFT, 9);
  });
});
