/**
 * Counts failed sign-ins per client address in a fixed window: after `maxFailures` in `windowMs`, that
 * address is refused until the window ends (the caller answers 429 with `Retry-After`). A success does
 * not reset the count, so a guesser cannot interleave one known-good token to keep going.
 */
export class FailureLimiter {
  readonly #windows = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const window = this.#windows.get(key);
    if (!window) return 0;
    const left = window.resetAt - this.now();
    if (left <= 0) {
      this.#windows.delete(key);
      return 0;
    }
    return window.failures >= this.maxFailures ? Math.ceil(left / 1000) : 0;
  }

  recordFailure(key: string): void {
    const now = this.now();
    const window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      // Bounded memory: drop finished windows before adding one (a flood of addresses cannot grow the map
      // past what is live in one window).
      for (const [k, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(k);
      this.#windows.set(key, { failures: 1, resetAt: now + this.windowMs });
      return;
    }
    window.failures += 1;
  }
}
