import { MemoryBudget } from "@style-console/imgproc/budget";
import { ProcessGate } from "@style-console/oss-emulator";
import { describe, expect, it } from "vitest";
import { HttpError } from "../../http/error.ts";
import { RenderQueue } from "./render-queue.ts";

// A task that finishes when the test says so: timing is the only thing faked here.
function gated<T>(value: T) {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let started = false;
  return {
    task: async () => {
      started = true;
      await gate;
      return value;
    },
    open: () => open(),
    get started() {
      return started;
    },
  };
}

const statusOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 200;
  } catch (error) {
    return error instanceof HttpError ? error.status : -1;
  }
};

describe("RenderQueue", () => {
  it("runs at most `concurrency` tasks; the next waits, one more is a 503 with Retry-After", async () => {
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 1, retryAfterSeconds: 2 });
    const a = gated("a");
    const b = gated("b");
    const first = queue.run(a.task);
    const second = queue.run(b.task);
    await Promise.resolve();
    expect(a.started).toBe(true);
    expect(b.started).toBe(false);
    const refused = await queue.run(async () => "c").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(503);
    expect((refused as HttpError).extra.headers).toEqual({ "Retry-After": "2" });
    a.open();
    expect((await first).value).toBe("a");
    b.open();
    expect((await second).value).toBe("b");
    expect(queue.stats).toMatchObject({ active: 0, waiting: 0, completed: 2, rejected: 1 });
  });

  it("drops a waiting task whose request is aborted, without ever running it", async () => {
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 2 });
    const a = gated("a");
    const b = gated("b");
    const controller = new AbortController();
    const first = queue.run(a.task);
    const second = queue.run(b.task, controller.signal);
    controller.abort();
    expect(await statusOf(second)).toBe(499);
    expect(queue.stats.waiting).toBe(0);
    a.open();
    await first;
    expect(b.started).toBe(false);
    expect(queue.stats).toMatchObject({ active: 0, waiting: 0, completed: 1, cancelled: 1 });
  });

  it("keeps the slot of a running task that was abandoned until it ends, then discards its result", async () => {
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 1 });
    const a = gated("a");
    const controller = new AbortController();
    const first = queue.run(a.task, controller.signal);
    await Promise.resolve();
    controller.abort();
    // Still running: the slot is not given away, so abandoned work cannot pile up past the limit.
    expect(queue.stats.active).toBe(1);
    const next = queue.run(async () => "next");
    expect(queue.stats.waiting).toBe(1);
    a.open();
    expect(await statusOf(first)).toBe(499);
    expect((await next).value).toBe("next");
    expect(queue.stats).toMatchObject({ active: 0, waiting: 0, discarded: 1, completed: 1 });
  });

  it("admits by memory: tasks that fit together run together, the next waits for bytes, not for a slot", async () => {
    const queue = new RenderQueue({ concurrency: 4, maxWaiting: 4, memoryBytes: 100 });
    const a = gated("a");
    const b = gated("b");
    const c = gated("c");
    const first = queue.run(a.task, undefined, { bytes: 40 });
    const second = queue.run(b.task, undefined, { bytes: 40 });
    const third = queue.run(c.task, undefined, { bytes: 40 });
    await Promise.resolve();
    expect([a.started, b.started, c.started]).toEqual([true, true, false]);
    expect(queue.stats).toMatchObject({ active: 2, waiting: 1, activeBytes: 80 });
    a.open();
    await first;
    await Promise.resolve();
    expect(c.started).toBe(true);
    b.open();
    c.open();
    await Promise.all([second, third]);
    expect(queue.stats).toMatchObject({ active: 0, activeBytes: 0, completed: 3 });
  });

  it("shares one budget with the embedded emulator's x-oss-process gate: either's work holds the other's back", async () => {
    // Issue 14 on the embedded default: PGlite, the emulator's renders and the previews share a process,
    // so the two gates draw on one PREVIEW_MEMORY_MB, not 256 MB each.
    const memory = new MemoryBudget(100);
    const queue = new RenderQueue({ concurrency: 4, maxWaiting: 4, memory });
    const gate = new ProcessGate(memory, 5_000);
    const emulatorRender = gated("x-oss-process");
    const held = gate.run(70, "blur", emulatorRender.task);
    const preview = gated("preview");
    const waiting = queue.run(preview.task, undefined, { bytes: 40 });
    await Promise.resolve();
    expect(preview.started).toBe(false);
    expect(queue.stats).toMatchObject({ active: 0, waiting: 1 });
    expect(memory.usedBytes).toBe(70);
    emulatorRender.open();
    await held;
    await Promise.resolve();
    expect(preview.started).toBe(true);
    expect(memory.usedBytes).toBe(40);
    // And the other way round: the preview's bytes keep the emulator's render waiting until released.
    const second = gated("x-oss-process 2");
    const behind = gate.run(70, "blur", second.task);
    await Promise.resolve();
    expect(second.started).toBe(false);
    preview.open();
    await waiting;
    await Promise.resolve();
    expect(second.started).toBe(true);
    second.open();
    await behind;
    expect(memory.usedBytes).toBe(0);
    expect(queue.memoryBytes).toBe(100);
  });

  it("refuses a task larger than the whole budget at once: 422, not a 503 to retry", async () => {
    const queue = new RenderQueue({ concurrency: 2, maxWaiting: 2, memoryBytes: 100 * 1024 * 1024 });
    const task = gated("never");
    const refused = await queue
      .run(task.task, undefined, { bytes: 101 * 1024 * 1024 })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 422, code: "PreviewTooExpensive" });
    expect((refused as HttpError).message).toMatch(/101 MB.*100 MB at most \(PREVIEW_MEMORY_MB\)/);
    expect((refused as HttpError).extra.headers).toBeUndefined();
    expect(task.started).toBe(false);
  });

  it("bounds the wait: a task still waiting after maxWaitMs is a 503 with Retry-After, and the queue moves on", async () => {
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 4, maxWaitMs: 50, retryAfterSeconds: 3 });
    const a = gated("a");
    const first = queue.run(a.task);
    const waited = await queue.run(async () => "late").catch((e: unknown) => e);
    expect(waited).toMatchObject({ status: 503, code: "PreviewBusy" });
    expect((waited as HttpError).extra.headers).toEqual({ "Retry-After": "3" });
    expect(queue.stats).toMatchObject({ waiting: 0, rejected: 1 });
    a.open();
    await first;
    expect((await queue.run(async () => "next")).value).toBe("next");
  });

  it("refuses a nonsensical configuration", () => {
    expect(() => new RenderQueue({ concurrency: 0, maxWaiting: 1 })).toThrow(/concurrency/);
    expect(() => new RenderQueue({ concurrency: 1, maxWaiting: -1 })).toThrow(/maxWaiting/);
  });
});
