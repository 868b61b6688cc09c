import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * Counts failed sign-ins per client address in a fixed window, in the shared database
 * (`sign_in_failures`), so every replica refuses a guesser alike: after `maxFailures` in `windowMs`, that
 * address is refused until the window ends (the caller answers 429 with `Retry-After`). A success does
 * not reset the count, so a guesser cannot interleave one known-good token to keep going.
 */
export class FailureLimiter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  async retryAfter(key: string): Promise<number> {
    const row = await this.db
      .selectFrom("sign_in_failures")
      .select(["failures", "reset_at"])
      .where("key", "=", key)
      .executeTakeFirst();
    if (!row) return 0;
    const left = row.reset_at.getTime() - this.now();
    if (left <= 0) return 0;
    return row.failures >= this.maxFailures ? Math.ceil(left / 1000) : 0;
  }

  /** Counts one failure of `key`, starting a new window when the last one has ended. One atomic upsert. */
  async recordFailure(key: string): Promise<void> {
    const now = new Date(this.now());
    const resetAt = new Date(now.getTime() + this.windowMs);
    // Bounded table: finished windows are dropped as new ones start.
    await this.db
      .deleteFrom("sign_in_failures")
      .where("reset_at", "<=", now)
      .where("key", "<>", key)
      .execute();
    await this.db
      .insertInto("sign_in_failures")
      .values({ key, failures: 1, reset_at: resetAt })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          failures: sql<number>`case when sign_in_failures.reset_at <= ${now} then 1 else sign_in_failures.failures + 1 end`,
          reset_at: sql<Date>`case when sign_in_failures.reset_at <= ${now} then excluded.reset_at else sign_in_failures.reset_at end`,
        }),
      )
      .execute();
  }
}
