import { describe, expect, it } from "vitest";
import { decideRange, type RangeDecision } from "./range.ts";

// The HTTP Range page's own examples on a 1000-byte object (valid bytes 0–999), by default and with
// x-oss-range-behavior: standard.
const cases: Array<{ range: string; lenient: RangeDecision; standard: RangeDecision }> = [
  { range: "bytes=0-499", lenient: { start: 0, end: 499 }, standard: { start: 0, end: 499 } },
  { range: "bytes=500-999", lenient: { start: 500, end: 999 }, standard: { start: 500, end: 999 } },
  { range: "bytes=-500", lenient: { start: 500, end: 999 }, standard: { start: 500, end: 999 } },
  { range: "bytes=500-", lenient: { start: 500, end: 999 }, standard: { start: 500, end: 999 } },
  { range: "bytes=0-", lenient: { start: 0, end: 999 }, standard: { start: 0, end: 999 } },
  { range: "byte=0-499", lenient: undefined, standard: undefined },
  { range: "bytes=0-1000", lenient: undefined, standard: { start: 0, end: 999 } },
  { range: "bytes=1000-2000", lenient: undefined, standard: "unsatisfiable" },
  { range: "bytes=1000-", lenient: undefined, standard: "unsatisfiable" },
  { range: "bytes=-2000", lenient: undefined, standard: { start: 0, end: 999 } },
  { range: "bytes=-0", lenient: undefined, standard: "unsatisfiable" },
  { range: "bytes=9-3", lenient: undefined, standard: undefined },
  { range: "bytes=0-499,500-999", lenient: { start: 0, end: 499 }, standard: "unsatisfiable" },
];

describe("decideRange", () => {
  for (const c of cases) {
    it(`${c.range}: default ${JSON.stringify(c.lenient)}, standard ${JSON.stringify(c.standard)}`, () => {
      expect(decideRange(c.range, 1000, false)).toEqual(c.lenient);
      expect(decideRange(c.range, 1000, true)).toEqual(c.standard);
    });
  }

  it("serves an empty object whole by default and refuses any range in standard mode", () => {
    expect(decideRange("bytes=0-0", 0, false)).toBeUndefined();
    expect(decideRange("bytes=0-0", 0, true)).toBe("unsatisfiable");
  });
});
