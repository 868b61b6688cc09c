import { MemoryBudget } from "@style-console/imgproc/budget";
import { ossError } from "../http/errors.ts";

/**
 * Bounds the memory of `x-oss-process` renders in this process (issue 14): each render states its
 * estimate (`estimateRenderMemory` of `@style-console/imgproc/render`), renders run while their
 * estimates together fit `budgetBytes`, the others wait in arrival order for at most `maxWaitMs`
 * (then 503 ServiceUnavailable with Retry-After), and one larger than the whole budget is refused at
 * once (400, as a RenderError of the image would be), naming the step. OSS itself has no such limit
 * to emulate: this keeps the emulator — embedded in the console's process by default — from taking
 * the process down on an image OSS would process. The budget may be shared with other gates of the
 * process (the console's preview queue): room freed by either admits the other's waiting work.
 */
export class ProcessGate {
  readonly #waiting: Array<{ bytes: number; start: () => void }> = [];
  /** Stops listening to the budget's releases (an emulator's own gate, when it closes). */
  readonly detach: () => void;

  constructor(
    readonly memory: MemoryBudget,
    readonly maxWaitMs: number,
  ) {
    this.detach = memory.onRelease(() => this.#admit());
  }

  /** The whole budget's bytes (shared with any other gate on the same {@link MemoryBudget}). */
  get budgetBytes(): number {
    return this.memory.totalBytes;
  }

  /**
   * Runs `task` once `bytes` fit; `step` names what needs them, for the refusal.
   * @example
   * await gate.run(estimate.bytes, estimate.step, () => render(input, process));
   */
  async run<T>(bytes: number, step: string, task: () => Promise<T>): Promise<T> {
    if (bytes > this.budgetBytes) {
      const mb = (n: number) => Math.ceil(n / 1024 / 1024);
      throw ossError("ImageProcessFailed", {
        identity: { status: 400, code: "InvalidArgument" },
        message: `Processing this image (${step}) needs about ${mb(bytes)} MB; this emulator renders within ${mb(this.budgetBytes)} MB.`,
      });
    }
    if (this.#waiting.length > 0 || !this.memory.tryTake(bytes)) await this.#wait(bytes);
    try {
      return await task();
    } finally {
      // Tells every gate on the budget, this one included (#admit).
      this.memory.release(bytes);
    }
  }

  #wait(bytes: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter = {
        bytes,
        start: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
        reject(
          ossError("ServiceUnavailable", {
            message: "Too much image processing at once; try again in a moment.",
            headers: { "Retry-After": "1" },
          }),
        );
        this.#admit();
      }, this.maxWaitMs);
      timer.unref();
      this.#waiting.push(waiter);
    });
  }

  #admit(): void {
    for (;;) {
      const head = this.#waiting[0];
      if (!head || !this.memory.tryTake(head.bytes)) return;
      this.#waiting.shift();
      head.start();
    }
  }
}

/** Longest wait of a render for room in the budget before 503 ServiceUnavailable. */
export const PROCESS_MAX_WAIT_MS = 15_000;

/**
 * The gate of emulators started without `processMemory`: 256 MB of renders at once, for the whole
 * process (every such emulator in it shares it), 15 s of waiting at most.
 */
export const processGate = new ProcessGate(new MemoryBudget(256 * 1024 * 1024), PROCESS_MAX_WAIT_MS);
