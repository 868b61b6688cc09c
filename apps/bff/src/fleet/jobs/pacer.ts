/**
 * Paces requests so that no window of one second ever holds more than `qps` of them: each start waits
 * until it is at least `1000 / qps` ms after the previous one and fewer than `qps` starts fall in the
 * last `windowMs` (1 s plus a small margin for network jitter between our clock and the server's).
 * A token bucket would allow a burst of `qps` on top of the steady rate; this never does.
 */
export class Pacer {
  readonly #interval: number;
  readonly #starts: number[] = [];
  #next = 0;
  #chain: Promise<void> = Promise.resolve();

  constructor(
    readonly qps: number,
    private readonly windowMs = 1010,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (!(qps > 0) || !Number.isFinite(qps)) throw new Error(`qps must be a positive number, got ${qps}`);
    this.#interval = windowMs / qps;
  }

  /**
   * Resolves when the caller may send one request; callers are served in order.
   *
   * @example
   * await pacer.acquire(); await client.putStyle(…);
   */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.#chain.then(() => this.#wait(signal));
    this.#chain = turn.catch(() => undefined);
    return turn;
  }

  async #wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const t = this.now();
      while (this.#starts.length > 0 && (this.#starts[0] ?? 0) <= t - this.windowMs) this.#starts.shift();
      const windowFree = this.#starts.length < this.qps ? t : (this.#starts[0] ?? t) + this.windowMs;
      const at = Math.max(this.#next, windowFree);
      if (at <= t) {
        this.#starts.push(t);
        this.#next = t + this.#interval;
        return;
      }
      await this.sleep(at - t);
    }
  }
}
