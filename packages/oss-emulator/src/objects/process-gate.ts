import { ossError } from "../http/errors.ts";

/**
 * Bounds the memory of `x-oss-process` renders in this process (issue 14): each render states its
 * estimate (`estimateRenderMemory` of `@style-console/imgproc/render`), renders run while their
 * estimates together fit `budgetBytes`, the others wait in arrival order for at most `maxWaitMs`
 * (then 503 ServiceUnavailable with Retry-After), and one larger than the whole budget is refused at
 * once (400, as a RenderError of the image would be), naming the step. OSS itself has no such limit
 * to emulate: this keeps the emulator — embedded in the console's process by default — from taking
 * the process down on an image OSS would process.
 */
export class ProcessGate {
  readonly #waiting: Array<{ bytes: number; start: () => void }> = [];
  #used = 0;

  constructor(
    readonly budgetBytes: number,
    readonly maxWaitMs: number,
  ) {}

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
    if (this.#waiting.length > 0 || this.#used + bytes > this.budgetBytes) await this.#wait(bytes);
    else this.#used += bytes;
    try {
      return await task();
    } finally {
      this.#used -= bytes;
      this.#admit();
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
      if (!head || this.#used + head.bytes > this.budgetBytes) return;
      this.#waiting.shift();
      this.#used += head.bytes;
      head.start();
    }
  }
}

/** The process's gate: 256 MB of renders at once, 15 s of waiting at most. */
export const processGate = new ProcessGate(256 * 1024 * 1024, 15_000);
