import { describe, expect, it } from "vitest";
import type { BucketUsage } from "../../usage/api.ts";
import { copyName } from "./api.ts";
import { isRecentlyUsed, isUnusedFor, usageIndex, usageOf } from "./usage.ts";

const DAY = 86_400_000;
const now = Date.parse("2026-11-29T12:00:00Z");
const ago = (days: number) => new Date(now - days * DAY).toISOString();

const answer = (over: Partial<BucketUsage> = {}): BucketUsage => ({
  bucket: "demo",
  lastScanAt: null,
  malformedLines: 0,
  logging: { enabled: true, targetBucket: "logs", targetPrefix: "" },
  scannedThrough: ago(0),
  styles: [
    { name: "hot", requests30d: 120, bytes30d: 1, errors30d: 0, lastUsed: ago(1), daily: [] },
    { name: "warm", requests30d: 3, bytes30d: 1, errors30d: 0, lastUsed: ago(10), daily: [] },
    { name: "cold", requests30d: 0, bytes30d: 0, errors30d: 0, lastUsed: ago(45), daily: [] },
    { name: "never", requests30d: 0, bytes30d: 0, errors30d: 0, lastUsed: null, daily: [] },
  ],
  ...over,
});

describe("usage facts", () => {
  it("is unknown without logging, before any log is read, or without an answer; never 'unused' then", () => {
    for (const usage of [
      answer({ logging: { enabled: false, targetBucket: null, targetPrefix: null } }),
      answer({ scannedThrough: null }),
      undefined,
    ]) {
      const index = usageIndex(usage);
      expect(index).toBeNull();
      const fact = usageOf(index, "cold");
      expect(fact).toEqual({ kind: "unknown" });
      expect(isUnusedFor(fact, now)).toBe(false);
      expect(isRecentlyUsed(fact, now)).toBe(false);
    }
  });

  it("tells unused for 30 days (old or never) from used, and used in the last 7 days", () => {
    const index = usageIndex(answer());
    const unused = ["hot", "warm", "cold", "never", "not-in-answer"].filter((n) =>
      isUnusedFor(usageOf(index, n), now),
    );
    expect(unused).toEqual(["cold", "never", "not-in-answer"]);
    const recent = ["hot", "warm", "cold", "never"].filter((n) => isRecentlyUsed(usageOf(index, n), now));
    expect(recent).toEqual(["hot"]);
    expect(usageOf(index, "warm")).toEqual({ kind: "used", lastUsed: new Date(ago(10)), requests30d: 3 });
  });

  it("puts the 7-day edge inside 'recent' and the 30-day edge inside 'used'", () => {
    const index = usageIndex(
      answer({
        styles: [
          { name: "edge7", requests30d: 1, bytes30d: 0, errors30d: 0, lastUsed: ago(7), daily: [] },
          { name: "edge30", requests30d: 1, bytes30d: 0, errors30d: 0, lastUsed: ago(30), daily: [] },
        ],
      }),
    );
    expect(isRecentlyUsed(usageOf(index, "edge7"), now)).toBe(true);
    expect(isUnusedFor(usageOf(index, "edge30"), now)).toBe(false);
  });
});

describe("copyName", () => {
  it("proposes <name>-copy, then numbers it, within OSS's 63 characters", () => {
    expect(copyName("thumb", new Set())).toBe("thumb-copy");
    expect(copyName("thumb", new Set(["thumb-copy", "thumb-copy-2"]))).toBe("thumb-copy-3");
    const long = "a".repeat(63);
    expect(copyName(long, new Set())).toBe(`${"a".repeat(58)}-copy`);
    expect(copyName(long, new Set()).length).toBe(63);
  });
});
