import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** `oss_request_windows`: requests granted per wall-clock second (epoch seconds), by all replicas together. */
export interface OssRateTables {
  oss_request_windows: { second: number; used: number };
}

export interface SharedRateLimitOptions {
  /** The account's limit for all replicas together (`OSS_QPS`, default 100: the seed's per-account QPS). */
  requestsPerSecond: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/**
 * A rate limit held in the shared database, for the OSS client's `hooks.beforeRequest`: at most
 * `requestsPerSecond` attempts start in any wall-clock second across every replica. Each replica claims
 * tokens for the current second with one atomic upsert (`used + n <= limit`), a few at a time
 * (a tenth of the limit) so one round trip covers several requests without starving the others; when
 * the second is spent it waits for the next. Windows are keyed by the replicas' own clocks, which must
 * be NTP-synchronised anyway for OSS's V4 signatures; a skew of d ms lets at most d/1000 of a second's
 * budget overlap.
 * @example
 * const limit = sharedRateLimit(db, { requestsPerSecond: 100 });
 * createOssClient({ …, rateLimit: false, hooks: { beforeRequest: (_info, signal) => limit.acquire(signal) } });
 */
export function sharedRateLimit(db: Kysely<Database>, options: SharedRateLimitOptions) {
  const limit = Math.max(1, Math.floor(options.requestsPerSecond));
  const batch = Math.max(1, Math.floor(limit / 10));
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  let local = { second: -1, tokens: 0 };
  let claims = 0;
  let queue: Promise<unknown> = Promise.resolve();

  async function claim(second: number, n: number): Promise<boolean> {
    const granted = await db
      .insertInto("oss_request_windows")
      .values({ second, used: n })
      .onConflict((oc) =>
        oc
          .column("second")
          .doUpdateSet({ used: sql<number>`oss_request_windows.used + ${n}` })
          .where(sql<boolean>`oss_request_windows.used + ${n} <= ${limit}`),
      )
      .returning("used")
      .executeTakeFirst();
    return granted !== undefined;
  }

  async function take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const second = Math.floor(now() / 1000);
      if (local.second === second && local.tokens > 0) {
        local.tokens -= 1;
        return;
      }
      claims += 1;
      if (claims % 200 === 0) {
        await db
          .deleteFrom("oss_request_windows")
          .where("second", "<", second - 60)
          .execute();
      }
      for (const n of batch > 1 ? [batch, 1] : [1]) {
        if (await claim(second, n)) {
          local = { second, tokens: n - 1 };
          return;
        }
      }
      await sleep(1000 - (now() % 1000) + 1, signal);
    }
  }

  return {
    /** Resolves when one more request may start; rejects when `signal` aborts first. */
    acquire(signal?: AbortSignal): Promise<void> {
      const task = queue.then(() => take(signal));
      queue = task.catch(() => undefined);
      return task;
    },
  };
}
