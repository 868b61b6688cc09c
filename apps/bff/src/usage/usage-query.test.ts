import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUsageTestDatabase, type UsageTestDatabase } from "./testing.ts";
import { styleUsage } from "./usage-query.ts";

// The style list's usage figures from `usage_daily`, on a real PostgreSQL.

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 29, 12);
const today = Date.UTC(2026, 10, 29);
const day = (ago: number) => new Date(today - ago * DAY).toISOString().slice(0, 10);

let t: UsageTestDatabase;
beforeAll(async () => {
  t = await createUsageTestDatabase();
  const row = (bucket: string, style: string, ago: number, requests: number) => ({
    bucket,
    style,
    day: day(ago),
    requests,
    bytes_sent: requests * 10,
    errors: 1,
    last_used: new Date(today - ago * DAY + 3600_000),
  });
  await t.db
    .insertInto("usage_daily")
    .values([
      row("photos", "busy", 0, 5),
      row("photos", "busy", 6, 7),
      row("photos", "busy", 29, 11),
      row("photos", "busy", 30, 100),
      row("photos", "monthly", 20, 3),
      row("photos", "old", 100, 9),
      row("photos", "deleted", 1, 50),
      row("avatars", "busy", 0, 1000),
    ])
    .execute();
});
afterAll(() => t.drop());

describe("styleUsage", () => {
  it("gives every named style its 30-day totals, last use ever and daily counts, used or not", async () => {
    const styles = await styleUsage(t.db, "photos", ["busy", "monthly", "old", "never"], { now, days: 7 });
    expect(styles.map((s) => [s.name, s.requests30d, s.bytes30d, s.errors30d, s.lastUsed])).toEqual([
      ["busy", 23, 230, 3, new Date(today + 3600_000).toISOString()],
      ["monthly", 3, 30, 1, new Date(today - 20 * DAY + 3600_000).toISOString()],
      // Used only before the 30-day window: no requests, but its last use is still known.
      ["old", 0, 0, 0, new Date(today - 100 * DAY + 3600_000).toISOString()],
      ["never", 0, 0, 0, null],
    ]);
    const busy = styles[0];
    expect(busy?.daily.map((d) => d.day)).toEqual([6, 5, 4, 3, 2, 1, 0].map(day));
    expect(busy?.daily.map((d) => d.requests)).toEqual([7, 0, 0, 0, 0, 0, 5]);
    expect(styles[1]?.daily.every((d) => d.requests === 0)).toBe(true);
  });

  it("reaches back as far as the days asked for (90), beyond the 30-day totals", async () => {
    const [busy] = await styleUsage(t.db, "photos", ["busy"], { now, days: 90 });
    expect(busy?.daily).toHaveLength(90);
    expect(busy?.daily.filter((d) => d.requests > 0).map((d) => [d.day, d.requests])).toEqual([
      [day(30), 100],
      [day(29), 11],
      [day(6), 7],
      [day(0), 5],
    ]);
    expect(busy?.requests30d).toBe(23);
  });
});
