import { MemoryBudget } from "@style-console/imgproc/budget";
import { HttpError } from "../../http/error.ts";

export interface RenderQueueOptions {
  /** Renders running at once (default: the core count). */
  concurrency: number;
  /** Renders allowed to wait for a slot; one more is refused with 503. */
  maxWaiting: number;
  /** The `Retry-After` of a 503, in seconds (default 1). */
  retryAfterSeconds?: number;
  /**
   * Bytes the running tasks may need together, by their own estimates (default: unbounded). A task
   * that fits waits until the running ones leave it room; one that needs more than all of it is
   * refused at once (422: it will never fit).
   */
  memoryBytes?: number;
  /**
   * A budget shared with the process's other image work (the embedded emulator's `x-oss-process`
   * gate); when given, it replaces `memoryBytes`, and room freed by either admits the other's work.
   */
  memory?: MemoryBudget;
  /** Longest wait for a slot before a 503 with `Retry-After` (default: unbounded). */
  maxWaitMs?: number;
}

/** What a task costs: the bytes it will hold at its peak (`estimateRenderMemory`), 0 when unknown. */
export interface TaskCost {
  bytes: number;
}

export interface QueueStats {
  active: number;
  waiting: number;
  /** Estimated bytes the running tasks hold. */
  activeBytes: number;
  completed: number;
  /** Abandoned while waiting: never started. */
  cancelled: number;
  /** Abandoned while running: finished, result thrown away. */
  discarded: number;
  /** Refused because the queue was full, or waited past `maxWaitMs`. */
  rejected: number;
}

interface Waiter {
  bytes: number;
  /** Starts the task: the slot and its bytes are counted by #admit before this runs. */
  start: () => void;
}

const MB = 1024 * 1024;

// The client is gone, so nobody reads this; 499 (nginx's "client closed request") keeps the logs honest.
const abandoned = () =>
  new HttpError("RequestAborted", "The client abandoned the request before its render finished.");

/**
 * Bounds the CPU- and memory-heavy work (renders, upload checks) so it never starves the rest of the
 * API nor the process's memory: at most `concurrency` tasks run, and their estimated bytes together
 * stay within `memoryBytes`; at most `maxWaiting` wait, each for at most `maxWaitMs`, in arrival
 * order. Busy (queue full, waited too long) is a 503 with `Retry-After`; a task bigger than the whole
 * budget is a 422 at once. A task whose request is aborted while waiting leaves the queue without
 * running; one aborted while running keeps its slot until it finishes (sharp cannot be interrupted
 * mid-pipeline, so freeing the slot early would let abandoned work pile up behind the limit) and its
 * result is dropped.
 */
export class RenderQueue {
  readonly #waiting: Waiter[] = [];
  readonly #options: Required<Omit<RenderQueueOptions, "memory" | "memoryBytes">>;
  readonly #memory: MemoryBudget | undefined;
  #active = 0;
  #activeBytes = 0;
  #counts = { completed: 0, cancelled: 0, discarded: 0, rejected: 0 };

  constructor(options: RenderQueueOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
      throw new RangeError(`concurrency must be an integer ≥ 1, got ${options.concurrency}`);
    if (!Number.isInteger(options.maxWaiting) || options.maxWaiting < 0)
      throw new RangeError(`maxWaiting must be an integer ≥ 0, got ${options.maxWaiting}`);
    this.#options = {
      retryAfterSeconds: options.retryAfterSeconds ?? 1,
      maxWaitMs: options.maxWaitMs ?? Number.POSITIVE_INFINITY,
      concurrency: options.concurrency,
      maxWaiting: options.maxWaiting,
    };
    this.#memory =
      options.memory ??
      (options.memoryBytes === undefined ? undefined : new MemoryBudget(options.memoryBytes));
    // Room freed by the other holders of a shared budget may let the head of this line start.
    this.#memory?.onRelease(() => this.#admit());
  }

  /** The memory budget of the running tasks (shared with any other holder of it), in bytes. */
  get memoryBytes(): number {
    return this.#memory?.totalBytes ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Runs `task` when a slot and its bytes are free; resolves with its value and how long it waited.
   * @example
   * const { value } = await queue.run(() => render(bytes, style), signal, { bytes: estimate.bytes });
   */
  async run<T>(
    task: () => Promise<T>,
    signal?: AbortSignal,
    cost: TaskCost = { bytes: 0 },
  ): Promise<{ value: T; waitedMs: number }> {
    if (signal?.aborted) {
      this.#counts.cancelled++;
      throw abandoned();
    }
    const bytes = Math.max(0, cost.bytes);
    if (bytes > this.memoryBytes) {
      this.#counts.rejected++;
      throw new HttpError(
        "PreviewTooExpensive",
        `This work needs about ${Math.ceil(bytes / MB)} MB; previews may use ${Math.floor(this.memoryBytes / MB)} MB at most (PREVIEW_MEMORY_MB).`,
        {
          details: {
            reason: "memory",
            neededMB: Math.ceil(bytes / MB),
            limitMB: Math.floor(this.memoryBytes / MB),
          },
        },
      );
    }
    const queuedAt = performance.now();
    if (this.#waiting.length > 0 || !this.#tryTake(bytes)) await this.#slot(bytes, signal);
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
      this.#release(bytes);
    }
  }

  // Takes a slot and the bytes when both are free; the budget's bytes are reserved here.
  #tryTake(bytes: number): boolean {
    if (this.#active >= this.#options.concurrency) return false;
    if (this.#memory && !this.#memory.tryTake(bytes)) return false;
    this.#active++;
    this.#activeBytes += bytes;
    return true;
  }

  #busy(reason: string): HttpError {
    this.#counts.rejected++;
    return new HttpError("PreviewBusy", `${reason}; try again in a moment.`, {
      headers: { "Retry-After": String(this.#options.retryAfterSeconds) },
    });
  }

  #slot(bytes: number, signal: AbortSignal | undefined): Promise<void> {
    if (this.#waiting.length >= this.#options.maxWaiting) throw this.#busy("Too many previews are rendering");
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const leave = (error: HttpError) => {
        const at = this.#waiting.indexOf(waiter);
        if (at >= 0) this.#waiting.splice(at, 1);
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        reject(error);
        // The head may have been what held the others back.
        this.#admit();
      };
      const onAbort = () => {
        this.#counts.cancelled++;
        leave(abandoned());
      };
      const waiter: Waiter = {
        bytes,
        start: () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      this.#waiting.push(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
      if (Number.isFinite(this.#options.maxWaitMs)) {
        timer = setTimeout(
          () => leave(this.#busy(`Waited ${Math.round(this.#options.maxWaitMs / 1000)} s for a render slot`)),
          this.#options.maxWaitMs,
        );
        timer.unref();
      }
    });
  }

  // Starts waiting tasks in arrival order while the head fits: a large task is not overtaken for ever
  // by small ones (its wait is bounded by maxWaitMs either way).
  #admit(): void {
    for (;;) {
      const head = this.#waiting[0];
      if (!head || !this.#tryTake(head.bytes)) return;
      this.#waiting.shift();
      head.start();
    }
  }

  #release(bytes: number): void {
    this.#active--;
    this.#activeBytes -= bytes;
    // The budget tells every holder, this queue included; without one, admit here.
    if (this.#memory) this.#memory.release(bytes);
    else this.#admit();
  }

  get stats(): QueueStats {
    return {
      active: this.#active,
      waiting: this.#waiting.length,
      activeBytes: this.#activeBytes,
      ...this.#counts,
    };
  }
}
