import { type Kysely, sql } from "kysely";
import { clockBounds } from "./clock-bounds.ts";
import type { DatabaseHandle } from "./database.ts";
import type { Database } from "./schema.ts";

/**
 * `oss_request_schedule`: one row (`id` 1). `next_at` is the earliest start, in milliseconds of the
 * database's clock, of the next OSS request any replica may send.
 */
export interface OssRateTables {
  oss_request_schedule: { id: number; next_at: number };
}

export interface SharedRateLimitOptions {
  /** The account's limit for all replicas together (`OSS_QPS`, default 100: the seed's per-account QPS). */
  requestsPerSecond: number;
  /**
   * How late after its slot a request may still start, in ms (default 30). Slots are spaced so that even
   * requests started this late never put more than `requestsPerSecond` in any one-second window; a
   * slot not given out by then is dropped. At least 5: it must exceed the database round trip, the
   * uncertainty of the database clock's reading.
   */
  lateMs?: number;
  /**
   * How much more one request may take than another to reach OSS after it starts, in ms (default 20):
   * the windows that count are OSS's, at arrival. The price of both margins: the rate used is
   * `requestsPerSecond × 1000 / (1000 + lateMs + jitterMs)` (95.2% with the defaults).
   */
  jitterMs?: number;
  /** The local monotonic clock in ms (default `performance.now`). */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** A claimed slot on the local clock: never given before `at`; dropped when not given by `latest`. */
interface Slot {
  at: number;
  latest: number;
}

/**
 * A rate limit held in the shared database, for the OSS client's `hooks.beforeRequest`: in ANY window of
 * one second (whatever its start) at most `requestsPerSecond` requests start, across every replica.
 *
 * All replicas share one schedule (the virtual-scheduling form of the generic cell rate algorithm, with
 * no burst): a replica claims k consecutive slots with one atomic upsert,
 * `next_at = greatest(next_at, now + lead) + k·T`, on the database's clock, so slots of all replicas are
 * at least `T = (1000 + lateMs + jitterMs) / requestsPerSecond` ms apart. It claims only as many slots as
 * requests are waiting (at most a quarter of the rate at once, so one round trip serves many requests),
 * and gives them out in time order; a slot not given out within `lateMs` is dropped. `lead` (the recent
 * round trip less `lateMs`, else 0) starts a claim on an idle schedule far enough ahead that its first
 * slot is not already late when the answer arrives; it spaces nothing closer. Then any half-open second holds starts of slots within
 * `1000 + lateMs` ms, at most `requestsPerSecond` of them, with `jitterMs` to spare for the way to OSS.
 * The database clock is mapped to this replica's monotonic clock by bounds narrowed on every claim (the
 * reading happened between sending and receiving) and widened by the drift possible since: the two
 * clocks run at slightly different rates, and bounds that only narrowed would go stale and exclude the
 * true offset by up to a round trip (db/clock-bounds.ts). Both sides of that uncertainty are taken the safe
 * way: a slot is never given before the latest local time it may map to, nor after `lateMs` past the
 * earliest. No replica's clock needs to agree with another's. Until that mapping is narrower than
 * `lateMs` no slot is claimed (it could never be given in time); when 5 readings of the clock alone
 * cannot make it so, `acquire` rejects with an Error naming `lateMs` (the OSS call fails, its caller
 * retries) rather than use up the shared schedule for nothing.
 *
 * `db` undefined: the same schedule held in this process on its own clock (no round trip), for the
 * embedded engine, which only one process can open (see {@link ossRateLimit}).
 *
 * @example
 * const limit = sharedRateLimit(db, { requestsPerSecond: 100 });
 * createOssClient({ …, rateLimit: false, hooks: { beforeRequest: (_info, signal) => limit.acquire(signal) } });
 */
export function sharedRateLimit(db: Kysely<Database> | undefined, options: SharedRateLimitOptions) {
  const rate = options.requestsPerSecond;
  if (!(rate > 0) || !Number.isFinite(rate))
    throw new Error(`requestsPerSecond must be a positive number, got ${rate}`);
  const lateMs = options.lateMs ?? 30;
  const jitterMs = options.jitterMs ?? 20;
  if (!(jitterMs >= 0)) throw new Error(`jitterMs must be 0 or more, got ${jitterMs}`);
  // The database clock is known to within a round trip: a margin below a few ms could never be met.
  if (!(lateMs >= 5)) throw new Error(`lateMs must be at least 5, got ${lateMs}`);
  const spacing = (1000 + lateMs + jitterMs) / rate;
  const maxBatch = Math.max(1, Math.floor(rate / 4));
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? sleepFor;
  // The database clock minus the local one: narrowed by every reading, widened by the drift since.
  const offset = clockBounds();
  // Claimed slots not yet given out, in time order; callers waiting for one, first come first served.
  const slots: Slot[] = [];
  const waiters: Array<{ resolve: () => void; reject: (reason: unknown) => void; signal?: AbortSignal }> = [];
  let claiming: Promise<void> | undefined;
  let pumping = false;

  // The claims' round trip (ms, smoothed over the last few): how far ahead of the database's
  // "now" a claim on an idle schedule starts, so its first slot is not already late when it arrives.
  let roundTrip = 0;

  /**
   * Until the database clock is known to within `lateMs`, a claimed slot could never be given in time
   * (it would be dropped, and claimed again, using up the schedule every replica shares): the clock is
   * read alone first, a few times; still too uncertain, the claim is refused with an error.
   */
  async function knowClock(shared: Kysely<Database>): Promise<void> {
    const uncertain = () => {
      const { low, high } = offset.at(now());
      return !(high - low < lateMs);
    };
    for (let tries = 0; uncertain(); tries++) {
      if (tries === 5)
        throw new Error(
          `the database clock could not be read to within lateMs (${lateMs} ms) in 5 tries: its round trips take longer`,
        );
      const sent = now();
      const row = await sql<{ db_now: number }>`
        select extract(epoch from clock_timestamp()) * 1000 as db_now`.execute(shared);
      const received = now();
      offset.narrow(Number(row.rows[0]?.db_now), sent, received);
    }
  }

  async function claimShared(shared: Kysely<Database>, count: number): Promise<void> {
    await knowClock(shared);
    const lead = Math.min(1000, Math.max(0, roundTrip + 5 - lateMs));
    const sent = now();
    const row = await sql<{ next_at: number; db_now: number }>`
      insert into oss_request_schedule (id, next_at)
      values (1, extract(epoch from clock_timestamp()) * 1000 + ${lead + count * spacing})
      on conflict (id) do update
        set next_at = greatest(oss_request_schedule.next_at, extract(epoch from clock_timestamp()) * 1000 + ${lead})
          + ${count * spacing}
      returning next_at, extract(epoch from clock_timestamp()) * 1000 as db_now`.execute(shared);
    const received = now();
    const took = received - sent;
    roundTrip = roundTrip * 0.75 + took * 0.25;
    const answer = row.rows[0];
    if (!answer) throw new Error("the request schedule returned no row");
    const dbNow = Number(answer.db_now);
    const nextAt = Number(answer.next_at);
    // db_now was read at some local instant in [sent, received].
    offset.narrow(dbNow, sent, received);
    const { low, high } = offset.at(received);
    const first = nextAt - count * spacing;
    for (let i = 0; i < count; i++) {
      const slot = first + i * spacing;
      slots.push({ at: slot - low, latest: slot - high + lateMs });
    }
  }

  // This process alone (the embedded engine): the same schedule on the local clock, no round trip.
  let localNextAt = Number.NEGATIVE_INFINITY;
  async function claimLocal(count: number): Promise<void> {
    const first = Math.max(localNextAt, now());
    localNextAt = first + count * spacing;
    for (let i = 0; i < count; i++) {
      const slot = first + i * spacing;
      slots.push({ at: slot, latest: slot + lateMs });
    }
  }

  const claim = db === undefined ? claimLocal : (count: number) => claimShared(db, count);

  /**
   * Gives out slots in time order, one waiter each, while anyone waits. A slot whose time passed
   * unused (the event loop was busy) is dropped, never given late; the next one may still be in time.
   * More slots are claimed, ahead, while the next one is awaited.
   */
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (waiters.length > 0) {
        const t = now();
        while (slots.length > 0 && (slots[0] as Slot).latest < t) slots.shift();
        if (slots.length < waiters.length && !claiming) {
          const count = Math.min(maxBatch, waiters.length - slots.length);
          claiming = claim(count).finally(() => {
            claiming = undefined;
          });
          claiming.catch(() => undefined);
        }
        const head = slots[0];
        if (!head) {
          try {
            await claiming;
          } catch (error) {
            // The database did not answer: every waiter hears it (the OSS call fails, its caller retries).
            for (const w of waiters.splice(0)) w.reject(error);
          }
          continue;
        }
        if (t < head.at) {
          await sleep(head.at - t);
          continue;
        }
        slots.shift();
        (waiters.shift() as (typeof waiters)[number]).resolve();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    /** Resolves when one more request may start; rejects when `signal` aborts first. */
    acquire(signal?: AbortSignal): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        // Every way out lets go of the signal: a job's one signal is shared by all its calls, and a
        // listener left behind per failed wait would pin each waiter until the job ends.
        const release = () => signal?.removeEventListener("abort", onAbort);
        const waiter = {
          resolve: () => {
            release();
            resolve();
          },
          reject: (reason: unknown) => {
            release();
            reject(reason);
          },
          ...(signal ? { signal } : {}),
        };
        const onAbort = () => {
          const at = waiters.indexOf(waiter);
          if (at >= 0) waiters.splice(at, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        waiters.push(waiter);
        void pump();
      });
    },
  };
}

/**
 * The OSS rate limit for a database handle: shared through PostgreSQL by every replica; on the embedded
 * engine (PGlite, whose data directory only this process can open) the same schedule kept in memory,
 * which saves a database round trip per batch of requests on its single connection. PGlite runs each
 * query on this process's event loop, which can hold a granted request on its way to OSS: there
 * `jitterMs` defaults to 40 (the fleet bench saw 61 requests in one second at OSS_QPS=60 with 20).
 *
 * @example
 * const limit = ossRateLimit(database, { requestsPerSecond: env.oss.qps });
 */
export function ossRateLimit(handle: DatabaseHandle, options: SharedRateLimitOptions) {
  if (handle.engine === "pglite") return sharedRateLimit(undefined, { jitterMs: 40, ...options });
  return sharedRateLimit(handle.db, options);
}
