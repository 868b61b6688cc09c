import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/** One style's usage as the console shows it (`GET /api/buckets/:bucket/usage`). */
export interface StyleUsageDto {
  name: string;
  /** Requests that applied the style in the last 30 days (today included, UTC days). */
  requests30d: number;
  /** Bytes sent for those requests. */
  bytes30d: number;
  /** Those requests answered with a status ≥ 400. */
  errors30d: number;
  /** ISO time of the newest use ever read, or null. */
  lastUsed: string | null;
  /** Requests per UTC day, oldest first, `days` long (zeros included). */
  daily: Array<{ day: string; requests: number }>;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The usage of `styleNames` in `bucket`: every named style appears, used or not (an unused style is
 * the point of the question). Two indexed queries, whatever the number of styles.
 * @example
 * await styleUsage(db, "photos", ["thumb", "small"], { now: Date.now(), days: 30 });
 */
export async function styleUsage(
  db: Kysely<Database>,
  bucket: string,
  styleNames: readonly string[],
  options: { now: number; days: number },
): Promise<StyleUsageDto[]> {
  const today = Math.floor(options.now / DAY_MS) * DAY_MS;
  const since = dayOf(today - (options.days - 1) * DAY_MS);
  const since30 = dayOf(today - 29 * DAY_MS);
  const [totals, rows] = await Promise.all([
    db
      .selectFrom("usage_daily")
      .select((eb) => [
        "style",
        sql<number>`coalesce(sum(requests) filter (where day >= ${since30}), 0)`.as("requests"),
        sql<number>`coalesce(sum(bytes_sent) filter (where day >= ${since30}), 0)`.as("bytes"),
        sql<number>`coalesce(sum(errors) filter (where day >= ${since30}), 0)`.as("errors"),
        eb.fn.max("last_used").as("last_used"),
      ])
      .where("bucket", "=", bucket)
      .groupBy("style")
      .execute(),
    db
      .selectFrom("usage_daily")
      .select(["style", "day", "requests"])
      .where("bucket", "=", bucket)
      .where("day", ">=", since)
      .execute(),
  ]);
  const daily = new Map<string, Map<string, number>>();
  for (const row of rows) {
    let m = daily.get(row.style);
    if (!m) {
      m = new Map();
      daily.set(row.style, m);
    }
    m.set(row.day, Number(row.requests));
  }
  const byStyle = new Map(totals.map((t) => [t.style, t]));
  const dayList = Array.from({ length: options.days }, (_, i) =>
    dayOf(today - (options.days - 1 - i) * DAY_MS),
  );
  return styleNames.map((name) => {
    const total = byStyle.get(name);
    const m = daily.get(name);
    return {
      name,
      requests30d: Number(total?.requests ?? 0),
      bytes30d: Number(total?.bytes ?? 0),
      errors30d: Number(total?.errors ?? 0),
      lastUsed: total?.last_used ? new Date(total.last_used).toISOString() : null,
      daily: dayList.map((day) => ({ day, requests: m?.get(day) ?? 0 })),
    };
  });
}
