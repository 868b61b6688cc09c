import { MemoryBudget } from "@style-console/imgproc/budget";
import { solidWebp } from "@style-console/imgproc/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedRequest, startTestEmulator, type TestEmulator } from "../testing/raw.ts";
import { ProcessGate } from "./process-gate.ts";

// Issue 14: the emulator renders `x-oss-process` in the console's own process (the embedded default),
// so an image within the OSS limits must not take that process's memory either.

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ buckets: ["photos"] });
});
afterAll(() => emu.dispose());

describe("x-oss-process memory", () => {
  it("refuses a blur of a 15000×15000 WebP at once, by its header, naming the step", async () => {
    const put = await signedRequest(emu.endpoint, {
      method: "PUT",
      bucket: "photos",
      key: "huge.webp",
      body: solidWebp(15000, 15000),
    });
    expect(put.status).toBe(200);
    const started = performance.now();
    const res = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "photos",
      key: "huge.webp",
      query: [["x-oss-process", "image/blur,r_3,s_2"]],
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(
      /Processing this image \(encode webp\) needs about \d+ MB; this emulator renders within 256 MB/,
    );
    // Decoding it would take a minute and 1.8 GB; the header takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("ProcessGate", () => {
  it("runs what fits together, queues the rest in order, and answers 503 past the wait", async () => {
    const gate = new ProcessGate(new MemoryBudget(100), 50);
    let release: () => void = () => {};
    const held = gate.run(80, "a", () => new Promise<void>((r) => (release = r)));
    const order: string[] = [];
    const small = gate.run(10, "b", async () => order.push("b"));
    const late = gate.run(50, "c", async () => order.push("c")).catch((e: { status?: number }) => e.status);
    await small;
    expect(await late).toBe(503);
    release();
    await held;
    await gate.run(100, "d", async () => order.push("d"));
    expect(order).toEqual(["b", "d"]);
  });

  it("shares its budget with another gate: room freed by one admits the other's waiting render", async () => {
    const memory = new MemoryBudget(100);
    const a = new ProcessGate(memory, 5_000);
    const b = new ProcessGate(memory, 5_000);
    let release: () => void = () => {};
    const held = a.run(80, "a", () => new Promise<void>((r) => (release = r)));
    let started = false;
    const waiting = b.run(50, "b", async () => {
      started = true;
    });
    await Promise.resolve();
    expect(started).toBe(false);
    expect(memory.usedBytes).toBe(80);
    release();
    await held;
    await waiting;
    expect(started).toBe(true);
    expect(memory.usedBytes).toBe(0);
    b.detach();
  });
});
