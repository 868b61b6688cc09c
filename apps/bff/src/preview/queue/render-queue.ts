import { HttpError } from "../../http/error.ts";

export interface RenderQueueOptions {
  /** Renders running at once (default: the core count). */
  concurrency: number;
  /** Renders allowed to wait for a slot; one more is refused with 503. */
  maxWaiting: number;
  /** The `Retry-After` of that 503, in seconds. */
  retryAfterSeconds?: number;
}

export interface QueueStats {
  active: number;
  waiting: number;
  completed: number;
  /** Abandoned while waiting: never started. */
  cancelled: number;
  /** Abandoned while running: finished, result thrown away. */
  discarded: number;
  /** Refused because the queue was full. */
  rejected: number;
}

/** Starts a waiting task: the slot is handed over by #release, which counted it as active already. */
type Waiter = () => void;

// The client is gone, so nobody reads this; 499 (nginx's "client closed request") keeps the logs honest.
const abandoned = () =>
  new HttpError("RequestAborted", "The client abandoned the request before its render finished.");

/**
 * Bounds the CPU-heavy work (renders, upload checks) so it never starves the rest of the API: at most
 * `concurrency` tasks run, at most `maxWaiting` wait, and the next is refused at once with a 503 and
 * `Retry-After`. A task whose request is aborted while waiting leaves the queue without running; one
 * aborted while running keeps its slot until it finishes (sharp cannot be interrupted mid-pipeline, so
 * freeing the slot early would let abandoned work pile up behind the limit) and its result is dropped.
 */
export class RenderQueue {
  readonly #waiting: Waiter[] = [];
  readonly #options: Required<RenderQueueOptions>;
  #active = 0;
  #counts = { completed: 0, cancelled: 0, discarded: 0, rejected: 0 };

  constructor(options: RenderQueueOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
      throw new RangeError(`concurrency must be an integer ≥ 1, got ${options.concurrency}`);
    if (!Number.isInteger(options.maxWaiting) || options.maxWaiting < 0)
      throw new RangeError(`maxWaiting must be an integer ≥ 0, got ${options.maxWaiting}`);
    this.#options = { retryAfterSeconds: 1, ...options };
  }

  /** Runs `task` when a slot is free; resolves with its value and how long it waited for the slot. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<{ value: T; waitedMs: number }> {
    if (signal?.aborted) {
      this.#counts.cancelled++;
      throw abandoned();
    }
    const queuedAt = performance.now();
    if (this.#active >= this.#options.concurrency) await this.#slot(signal);
    else this.#active++;
    const waitedMs = performance.now() - queuedAt;
    try {
      const value = await task();
      if (signal?.aborted) {
        this.#counts.discarded++;
        throw abandoned();
      }
      this.#counts.completed++;
      return { value, waitedMs };
    } finally {
      this.#release();
    }
  }

  #slot(signal: AbortSignal | undefined): Promise<void> {
    if (this.#waiting.length >= this.#options.maxWaiting) {
      this.#counts.rejected++;
      const seconds = String(this.#options.retryAfterSeconds);
      throw new HttpError("PreviewBusy", "Too many previews are rendering; try again in a moment.", {
        headers: { "Retry-After": seconds },
      });
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const at = this.#waiting.indexOf(waiter);
        if (at >= 0) this.#waiting.splice(at, 1);
        this.#counts.cancelled++;
        reject(abandoned());
      };
      const waiter: Waiter = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      this.#waiting.push(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }

  get stats(): QueueStats {
    return { active: this.#active, waiting: this.#waiting.length, ...this.#counts };
  }
}
