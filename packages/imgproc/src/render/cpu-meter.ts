import { availableParallelism, loadavg } from "node:os";

/**
 * The CPU time charged to one render so far, against its limit.
 */
export interface CpuCharge {
  /** Milliseconds of CPU charged to the render so far. */
  readonly usedMs: number;
  /** The render's CPU-time limit, in milliseconds. */
  readonly limitMs: number;
  /** Milliseconds of CPU left before the limit (0 when spent). */
  leftMs(): number;
  /** Stops charging (the render ended). */
  stop(): void;
}

const TICK_MS = 50;

/**
 * Charges the process's CPU time (`process.cpuUsage()`: user + system, every thread, libvips' included)
 * to the renders running in it, in equal shares per 50 ms tick, and calls a render's `onSpent` once its
 * share reaches its limit. Time the process spends waiting for a CPU (other processes hog the machine)
 * is not CPU time, so a render is judged by the work it costs, not by how loaded the machine is (issue
 * 14: under load, a wall-clock limit refused a heavy GIF that fits). The equal split over-charges a
 * cheap render next to an expensive one; other work of the process (HTTP, the embedded database) is
 * charged to the renders running meanwhile. Both err towards refusing, never towards running for ever.
 * @example
 * const charge = cpuMeter.start(20_000, () => controller.abort(timeoutError()));
 * try { await work(); } finally { charge.stop(); }
 */
export class CpuMeter {
  readonly #running = new Set<Charge>();
  #last: NodeJS.CpuUsage | undefined;
  #timer: NodeJS.Timeout | undefined;

  /** Starts charging a render with a limit of `limitMs` of CPU; `onSpent` runs once when it is reached. */
  start(limitMs: number, onSpent: () => void): CpuCharge {
    this.#tick();
    const charge = new Charge(limitMs, onSpent, () => {
      this.#tick();
      this.#running.delete(charge);
      if (this.#running.size === 0) {
        clearInterval(this.#timer);
        this.#timer = undefined;
      }
    });
    this.#running.add(charge);
    this.#timer ??= setInterval(() => this.#tick(), TICK_MS).unref();
    return charge;
  }

  #tick(): void {
    const now = process.cpuUsage();
    const last = this.#last;
    this.#last = now;
    if (last === undefined || this.#running.size === 0) return;
    const spentMs = (now.user - last.user + now.system - last.system) / 1000;
    const share = spentMs / this.#running.size;
    for (const charge of [...this.#running]) charge.add(share);
  }
}

class Charge implements CpuCharge {
  usedMs = 0;
  #spent = false;

  constructor(
    readonly limitMs: number,
    readonly onSpent: () => void,
    readonly stop: () => void,
  ) {}

  leftMs(): number {
    return Math.max(0, this.limitMs - this.usedMs);
  }

  add(ms: number): void {
    this.usedMs += ms;
    if (!this.#spent && this.usedMs >= this.limitMs) {
      this.#spent = true;
      this.onSpent();
    }
  }
}

/** The meter of this process: every render in it shares the process's CPU time. */
export const cpuMeter = new CpuMeter();

/**
 * How much longer than CPU time a busy thread takes in wall time now: the 1-minute load average per
 * core, at least 1. libvips can only stop a pipeline by wall time (sharp's `timeout`), so a pipeline
 * is given the render's CPU time left stretched by this.
 * @example
 * wallPerCpu(); // 1 on an idle machine, 7.5 at load 15 on 2 cores
 */
export function wallPerCpu(): number {
  return Math.max(1, (loadavg()[0] ?? 0) / availableParallelism());
}
