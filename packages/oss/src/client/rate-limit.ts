import type { Runtime } from "./runtime.ts";

/**
 * A token bucket shared by every call of one client: `requestsPerSecond` on average, bursts up to
 * `burst`. Waiters queue in order because each reservation takes its token immediately (the balance
 * may go negative) and sleeps for the deficit.
 *
 * @example
 * const limiter = new RateLimiter(100, 100, runtime);
 * await limiter.acquire(signal); // resolves when this request may go
 */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly requestsPerSecond: number,
    private readonly burst: number,
    private readonly runtime: Runtime,
  ) {
    this.tokens = burst;
    this.last = runtime.now();
  }

  /** Milliseconds this reservation has to wait (0 when a token is free). Exposed for tests. */
  reserve(): number {
    const now = this.runtime.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.requestsPerSecond) / 1000);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.requestsPerSecond);
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await this.runtime.sleep(wait, signal);
  }
}
