import type { Kysely } from "kysely";
import type { UsageTables } from "./tables.ts";

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
  /** One entry per UTC day, oldest first, `days` long (zeros included). */
  daily: Array<{ day: string; requests: number; bytes: number; errors: number }>;
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
  db: Kysely<UsageTables>,
  bucket: string,
  styleNames: readonly string[],
  options: { now: number; days: number },
): Promise<StyleUsageDto[]> {
  const days = Math.max(30, options.days);
  const today = Math.floor(options.now / DAY_MS) * DAY_MS;
  const since = dayOf(today - (days - 1) * DAY_MS);
  const since30 = dayOf(today - 29 * DAY_MS);
  const [rows, last] = await Promise.all([
    db
      .selectFrom("usage_daily")
      .select(["style", "day", "requests", "bytes_sent", "errors"])
      .where("bucket", "=", bucket)
      .where("day", ">=", since)
      .execute(),
    db
      .selectFrom("usage_daily")
      .select((eb) => ["style", eb.fn.max("last_used").as("last_used")])
      .where("bucket", "=", bucket)
      .groupBy("style")
      .execute(),
  ]);
  const byStyle = new Map<string, Map<string, { requests: number; bytes: number; errors: number }>>();
  for (const row of rows) {
    let m = byStyle.get(row.style);
    if (!m) {
      m = new Map();
      byStyle.set(row.style, m);
    }
    m.set(row.day, {
      requests: Number(row.requests),
      bytes: Number(row.bytes_sent),
      errors: Number(row.errors),
    });
  }
  const lastUsed = new Map(
    last.map((r) => [r.style, r.last_used ? new Date(r.last_used).toISOString() : null]),
  );
  const dayList = Array.from({ length: options.days }, (_, i) =>
    dayOf(today - (options.days - 1 - i) * DAY_MS),
  );
  return styleNames.map((name) => {
    const m = byStyle.get(name);
    let requests30d = 0;
    let bytes30d = 0;
    let errors30d = 0;
    if (m) {
      for (const [day, v] of m) {
        if (day < since30) continue;
        requests30d += v.requests;
        bytes30d += v.bytes;
        errors30d += v.errors;
      }
    }
    return {
      name,
      requests30d,
      bytes30d,
      errors30d,
      lastUsed: lastUsed.get(name) ?? null,
      daily: dayList.map((day) => ({ day, requests: 0, bytes: 0, errors: 0, ...m?.get(day) })),
    };
  });
}
