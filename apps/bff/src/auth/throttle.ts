/**
 * Sign-in throttling that slows guessing without locking people out (issue 10; OWASP's Authentication
 * Cheat Sheet, "Login Throttling"; NIST SP 800-63B §5.2.2 "Rate Limiting").
 *
 * Failures are counted under three keys, each with an exponential delay once past its free failures:
 * `delay(n) = min(maxDelayMs, baseDelayMs × 2^(n − free))` after the n-th failure, counted from it.
 * - `pair:<account>@<address>`: one address guessing one account. Free: `freeFailures`.
 * - `account:<account>`: one account guessed from many addresses. Free: 2 × `freeFailures`, so a guesser
 *   elsewhere slows the account less than its own address does.
 * - `address:<address>`: one address guessing many accounts. Free: 4 × `freeFailures`.
 *
 * A pair or account in its delay is refused (429, `Retry-After`) before the password is checked, so a
 * guesser learns nothing by trying early. An address in its delay is not refused up front: a right
 * password of an account with no delay of its own still signs in (one proxy or NAT address is shared by
 * a whole office, and one person's typos must not lock out the next), while a wrong one is answered 429
 * with the address's `Retry-After` instead of 401. Failures are forgotten `forgetAfterMs` after the
 * last one; a success clears its pair and account.
 */
export interface ThrottlePolicy {
  /** Failures allowed for one account from one address before any delay. */
  freeFailures: number;
  /** The first delay, in milliseconds; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest delay, in milliseconds. */
  maxDelayMs: number;
  /** A key's failures are forgotten this long after its last one. */
  forgetAfterMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  forgetAfterMs: 60 * 60 * 1000,
};

export interface FailureCount {
  failures: number;
  /** Epoch milliseconds when the count is forgotten: the last failure + `forgetAfterMs`. */
  resetAt: number;
}

/** Where the counts live: the database, so every replica sees the same (throttle/store.ts). */
export interface ThrottleStore {
  read(keys: readonly string[]): Promise<Map<string, FailureCount>>;
  /** Adds one failure to each key (from 1 again when its count was forgotten) and sets its `resetAt`. */
  recordFailure(keys: readonly string[], now: number, resetAt: number): Promise<void>;
  clear(keys: readonly string[]): Promise<void>;
}

type Scope = "pair" | "account" | "address";

const freeFor = (scope: Scope, policy: ThrottlePolicy) =>
  policy.freeFailures * (scope === "pair" ? 1 : scope === "account" ? 2 : 4);

/**
 * Milliseconds a key must still wait, 0 when it may try now.
 * @example
 * // 6 failures on a pair, the last at t = 0 (so resetAt = forgetAfterMs), asked at t = 500:
 * waitMs({ failures: 6, resetAt: 3_600_000 }, "pair", DEFAULT_THROTTLE, 500); // 1500
 */
export function waitMs(count: FailureCount | undefined, scope: Scope, policy: ThrottlePolicy, now: number) {
  if (!count || now >= count.resetAt) return 0;
  const over = count.failures - freeFor(scope, policy);
  if (over < 0) return 0;
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(over, 40));
  const lastFailureAt = count.resetAt - policy.forgetAfterMs;
  return Math.max(0, lastFailureAt + delay - now);
}

/** The verdict before a sign-in attempt. */
export interface Gate {
  /** Seconds the account (from this address or from everywhere) must wait: refuse without checking. */
  accountWait: number;
  /** Seconds the address must wait: a wrong password is answered 429 with it, a right one passes. */
  addressWait: number;
}

/**
 * The throttle for one kind of sign-in. `account` is the lower-cased username (or `bootstrap` for the
 * admin token), `address` the client address (see client-address.ts).
 */
export class SignInThrottle {
  constructor(
    private readonly store: ThrottleStore,
    readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  #keys(account: string | null, address: string) {
    const keys: Partial<Record<Scope, string>> = { address: `address:${address}` };
    if (account !== null) {
      keys.pair = `pair:${account}@${address}`;
      keys.account = `account:${account}`;
    }
    return keys;
  }

  /** How long this attempt must wait; `account` null for a bearer token, which names no account. */
  async gate(account: string | null, address: string): Promise<Gate> {
    const keys = this.#keys(account, address);
    const counts = await this.store.read(Object.values(keys));
    const now = this.now();
    const wait = (scope: Scope) => {
      const key = keys[scope];
      return key === undefined ? 0 : waitMs(counts.get(key), scope, this.policy, now);
    };
    const seconds = (ms: number) => Math.ceil(ms / 1000);
    return {
      accountWait: seconds(Math.max(wait("pair"), wait("account"))),
      addressWait: seconds(wait("address")),
    };
  }

  async failed(account: string | null, address: string): Promise<Gate> {
    const now = this.now();
    await this.store.recordFailure(
      Object.values(this.#keys(account, address)),
      now,
      now + this.policy.forgetAfterMs,
    );
    return this.gate(account, address);
  }

  async succeeded(account: string, address: string): Promise<void> {
    const keys = this.#keys(account, address);
    await this.store.clear([keys.pair, keys.account].filter((k): k is string => k !== undefined));
  }
}

/** Counts in this process's memory: for unit tests of the policy (the console uses the database's). */
export class MemoryThrottleStore implements ThrottleStore {
  readonly counts = new Map<string, FailureCount>();

  async read(keys: readonly string[]) {
    return new Map(
      keys.flatMap((k) => (this.counts.has(k) ? [[k, this.counts.get(k) as FailureCount]] : [])),
    );
  }

  async recordFailure(keys: readonly string[], now: number, resetAt: number) {
    for (const key of keys) {
      const count = this.counts.get(key);
      const fresh = !count || count.resetAt <= now;
      this.counts.set(key, { failures: fresh ? 1 : count.failures + 1, resetAt });
    }
  }

  async clear(keys: readonly string[]) {
    for (const key of keys) this.counts.delete(key);
  }
}
