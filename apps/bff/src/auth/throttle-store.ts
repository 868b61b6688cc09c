import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import type { FailureCount, ThrottleStore } from "./throttle.ts";

/**
 * Sign-in failure counts in `sign_in_failures` (the db foundation's table), so every replica slows the
 * same guesser. One upsert per key: a count whose `reset_at` has passed starts again from 1.
 */
export class DbThrottleStore implements ThrottleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async read(keys: readonly string[]): Promise<Map<string, FailureCount>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("sign_in_failures")
      .select(["key", "failures", "reset_at"])
      .where("key", "in", [...keys])
      .execute();
    return new Map(rows.map((r) => [r.key, { failures: r.failures, resetAt: r.reset_at.getTime() }]));
  }

  async recordFailure(keys: readonly string[], now: number, resetAt: number): Promise<void> {
    const at = new Date(now);
    for (const key of keys) {
      await this.db
        .insertInto("sign_in_failures")
        .values({ key, failures: 1, reset_at: new Date(resetAt) })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            failures: sql<number>`case when sign_in_failures.reset_at <= ${at} then 1 else sign_in_failures.failures + 1 end`,
            reset_at: (eb) => eb.ref("excluded.reset_at"),
          }),
        )
        .execute();
    }
  }

  async clear(keys: readonly string[]): Promise<void> {
    if (keys.length > 0)
      await this.db
        .deleteFrom("sign_in_failures")
        .where("key", "in", [...keys])
        .execute();
  }
}
