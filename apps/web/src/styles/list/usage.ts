import type { BucketUsage, StyleUsage } from "../../usage/api.ts";

const DAY_MS = 86_400_000;

/**
 * What the list can say about one style's use:
 * - `unknown`: the bucket has no access logging (or its logs were never read), so nothing can be said;
 *   never shown as "unused";
 * - `never`: logs are read and hold no request for it;
 * - `used`: its last request and the count of the last 30 days.
 */
export type UsageFact =
  | { kind: "unknown" }
  | { kind: "never"; requests30d: 0 }
  | { kind: "used"; lastUsed: Date; requests30d: number };

/** The usage of a bucket's styles by name, or null when usage is unknown for the whole bucket. */
export type UsageIndex = ReadonlyMap<string, StyleUsage> | null;

/**
 * Indexes `GET /api/buckets/:bucket/usage` by style; null (usage unknown) when the answer is missing,
 * logging is off, or no log was read yet (`scannedThrough` null).
 * @example
 * usageIndex({ logging: { enabled: false, … }, scannedThrough: null, styles: [] }); // null
 */
export function usageIndex(usage: BucketUsage | undefined): UsageIndex {
  if (!usage?.logging.enabled || usage.scannedThrough === null) return null;
  return new Map(usage.styles.map((s) => [s.name, s]));
}

/** One style's {@link UsageFact}; a style missing from a known index was never requested. */
export function usageOf(index: UsageIndex, name: string): UsageFact {
  if (index === null) return { kind: "unknown" };
  const usage = index.get(name);
  if (!usage || usage.lastUsed === null) return { kind: "never", requests30d: 0 };
  return { kind: "used", lastUsed: new Date(usage.lastUsed), requests30d: usage.requests30d };
}

/**
 * Whether the style had no request in the last `days` days. Unknown usage is never "unused": the
 * filter and "Select unused" must not offer a style whose use nobody can see.
 */
export function isUnusedFor(fact: UsageFact, now: number, days = 30): boolean {
  if (fact.kind === "unknown") return false;
  if (fact.kind === "never") return true;
  return fact.lastUsed.getTime() < now - days * DAY_MS;
}

/** Used in the last 7 days: deleting it needs its name typed (issue 13). */
export function isRecentlyUsed(fact: UsageFact, now: number): boolean {
  return fact.kind === "used" && fact.lastUsed.getTime() >= now - 7 * DAY_MS;
}
