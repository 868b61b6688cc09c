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
 * The main query of {@link styleUsage}: per style, the 30-day totals, the newest use and the last
 * `days` days as `day=requests` text, over the rows of the longer of the two windows. Exported for
 * the bench, which asks PostgreSQL how long it takes (`explain analyze`).
 * @example
 * await usageWindowQuery(db, "photos", { now: Date.now(), days: 90 }).execute();
 */
export function usageWindowQuery(
  db: Kysely<Database>,
  bucket: string,
  options: { now: number; days: number },
) {
  const today = Math.floor(options.now / DAY_MS) * DAY_MS;
  const since = dayOf(today - (options.days - 1) * DAY_MS);
  const since30 = dayOf(today - 29 * DAY_MS);
  const windowStart = dayOf(today - (Math.max(options.days, 30) - 1) * DAY_MS);
  return db
    .selectFrom("usage_daily")
    .select([
      "style",
      sql<string>`coalesce(sum(requests) filter (where day >= ${since30}), 0)`.as("requests"),
      sql<string>`coalesce(sum(bytes_sent) filter (where day >= ${since30}), 0)`.as("bytes"),
      sql<string>`coalesce(sum(errors) filter (where day >= ${since30}), 0)`.as("errors"),
      sql<Date>`max(last_used)`.as("last_used"),
      // `YYYY-MM-DD=n,…`: text is what PostgreSQL builds and the driver hands over cheapest (json_agg
      // cost several times more on the server, array_agg on the client; measured by the bench).
      sql<string | null>`string_agg(day || '=' || requests, ',') filter (where day >= ${since})`.as("daily"),
    ])
    .where("bucket", "=", bucket)
    .where("day", ">=", windowStart)
    .groupBy("style");
}

/**
 * The usage of the styles `names` (or a promise of them) in `bucket`: every named style appears, used or not (an unused style is
 * the point of the question). One aggregated query over the window's rows (the `(bucket, day)` index),
 * one row per style with its days as text; a second, by primary key, only for styles not used in the
 * window, to find when they were last used before it.
 * @example
 * await styleUsage(db, "photos", ["thumb", "small"], { now: Date.now(), days: 30 });
 */
export async function styleUsage(
  db: Kysely<Database>,
  bucket: string,
  names: readonly string[] | Promise<readonly string[]>,
  options: { now: number; days: number },
): Promise<StyleUsageDto[]> {
  const today = Math.floor(options.now / DAY_MS) * DAY_MS;
  // The names may still be on their way from OSS (ListStyle): the query does not wait for them.
  const [rows, styleNames] = await Promise.all([usageWindowQuery(db, bucket, options).execute(), names]);
  const byStyle = new Map(rows.map((r) => [r.style, r]));
  // A day row's last use lies within its day, so the window's newest is the newest ever; only a style
  // without a row in the window needs the rows before it.
  const before = new Map<string, Date>();
  const idle = styleNames.filter((name) => !byStyle.has(name));
  if (idle.length > 0) {
    const older = await db
      .selectFrom("usage_daily")
      .select((eb) => ["style", eb.fn.max("last_used").as("last_used")])
      .where("bucket", "=", bucket)
      .where("style", "in", idle)
      .groupBy("style")
      .execute();
    for (const row of older) before.set(row.style, new Date(row.last_used));
  }
  const dayList = Array.from({ length: options.days }, (_, i) =>
    dayOf(today - (options.days - 1 - i) * DAY_MS),
  );
  return styleNames.map((name) => {
    const row = byStyle.get(name);
    const perDay = new Map<string, number>();
    for (const entry of row?.daily?.split(",") ?? []) perDay.set(entry.slice(0, 10), Number(entry.slice(11)));
    const lastUsed = row ? new Date(row.last_used) : before.get(name);
    return {
      name,
      requests30d: Number(row?.requests ?? 0),
      bytes30d: Number(row?.bytes ?? 0),
      errors30d: Number(row?.errors ?? 0),
      lastUsed: lastUsed ? lastUsed.toISOString() : null,
      daily: dayList.map((day) => ({ day, requests: perDay.get(day) ?? 0 })),
    };
  });
}
