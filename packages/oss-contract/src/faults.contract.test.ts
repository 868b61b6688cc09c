/**
 * 200 style operations against an emulator that fails ~30% of requests with 503 and resets ~10% of
 * connections (half of those after the write was applied). Every acknowledged write must be there
 * afterwards, with no duplicates, even across a restart of the server.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isRetryable, OssError, systemRuntime } from "@style-console/oss";
import { afterAll, describe, expect, it } from "vitest";
import { clientFor, EMULATOR_BUCKET, emulatorTarget, type Target } from "./harness.ts";

const OPERATIONS = 200;
const NAMES = 30; // under the 50-style limit

/** Re-issues an idempotent operation whose 3 attempts all hit transient faults, as a caller would. */
async function reissue<T>(op: () => Promise<T>, onReissue: () => void = () => {}): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await op();
    } catch (error) {
      if (!(error instanceof OssError) || !isRetryable(error) || round >= 10) throw error;
      onReissue();
    }
  }
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("style operations under injected faults", () => {
  const targets: Target[] = [];
  let dataDir = "";
  afterAll(async () => {
    for (const t of targets) await t.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(`${OPERATIONS} operations: every acknowledged write present, no duplicates`, async () => {
    dataDir = await mkdtemp(join(tmpdir(), "oss-faults-"));
    const faulty = await emulatorTarget({
      dataDir,
      faults: { probabilities: { "503": 0.3, reset: 0.05, "reset-after-commit": 0.05 }, seed: 20261121 },
    });
    targets.push(faulty);
    const retriedCodes: string[] = [];
    // Backoff waits are shortened: this test is about outcomes, not timing (the math has its own tests).
    const oss = clientFor(faulty, {
      onRetry: ({ error }) => retriedCodes.push(error.code),
      runtime: { sleep: (ms, signal) => systemRuntime.sleep(Math.min(ms, 5), signal) },
    });
    let reissued = 0;
    const settle = <T>(op: () => Promise<T>) => reissue(op, () => reissued++);

    // Insertion order = creation order: an overwrite keeps a name's place, a delete and re-put moves it
    // to the end, exactly as the emulator lists styles.
    const model = new Map<string, string>();
    const created = new Map<string, { from: number; to: number }>();
    const random = seeded(7);
    const counts = { put: 0, delete: 0, get: 0, list: 0 };
    for (let i = 0; i < OPERATIONS; i++) {
      const name = `s${Math.floor(random() * NAMES)}`;
      const pick = random();
      if (pick < 0.5) {
        const content = `image/resize,w_${i + 1}`;
        const sent = Date.now();
        await settle(() => oss.putStyle(name, content));
        // The put that (re)creates a style fixes its CreateTime; later overwrites must keep it.
        if (!model.has(name)) created.set(name, { from: Math.floor(sent / 1000) * 1000, to: Date.now() });
        model.set(name, content);
        counts.put++;
      } else if (pick < 0.7) {
        await settle(() => oss.deleteStyle(name));
        model.delete(name);
        created.delete(name);
        counts.delete++;
      } else if (pick < 0.9) {
        const got = await settle(() => oss.getStyle(name)).catch((e: unknown) => e);
        if (model.has(name)) expect(got).toMatchObject({ name, content: model.get(name) });
        else expect(got).toMatchObject({ code: "NoSuchStyle" });
        counts.get++;
      } else {
        const listed = await settle(() => oss.listStyles());
        expect(listed.map((s) => [s.name, s.content]).sort()).toEqual([...model].sort());
        counts.list++;
      }
    }
    const byCode: Record<string, number> = {};
    for (const code of retriedCodes) byCode[code] = (byCode[code] ?? 0) + 1;
    console.log(
      `fault run: ${OPERATIONS} operations (${JSON.stringify(counts)}), ${retriedCodes.length} client retries ${JSON.stringify(byCode)}, ${reissued} operations re-issued after 3 failed attempts`,
    );
    expect(retriedCodes.length).toBeGreaterThan(OPERATIONS * 0.2);
    expect(new Set(retriedCodes)).toEqual(new Set(["ServiceUnavailable", "NetworkError"]));
    await faulty.close();
    targets.pop();

    // A fresh, fault-free server over the same data: what was acknowledged survived, once each.
    const clean = await emulatorTarget({ dataDir, buckets: [EMULATOR_BUCKET] });
    targets.push(clean);
    const final = await clientFor(clean).listStyles();
    // Unsorted on purpose: a retried write applied twice as a delete and re-create, or appended again,
    // would move the style; each name once, in creation order, with its last acknowledged content.
    expect(final.map((s) => [s.name, s.content])).toEqual([...model]);
    // …and created by its first acknowledged put (CreateTime has whole seconds), not by a replay.
    for (const style of final) {
      const window = created.get(style.name);
      const at = Date.parse(style.createTime ?? "");
      expect(
        window && at >= window.from && at <= window.to,
        `${style.name} created at ${style.createTime}`,
      ).toBe(true);
    }
  }, 60_000);

  it("reads under truncated bodies and 429s: every answer complete or retried, never a parse error", async () => {
    const target = await emulatorTarget({
      faults: { probabilities: { truncate: 0.25, "429": 0.1 }, seed: 99 },
    });
    targets.push(target);
    const codes: string[] = [];
    const oss = clientFor(target, {
      onRetry: ({ error }) => codes.push(error.code),
      runtime: { sleep: (ms, signal) => systemRuntime.sleep(Math.min(ms, 5), signal) },
    });
    // Writes are not truncated by the emulator (it only cuts GET bodies), but 429 can still strike them.
    const expected: [string, string][] = [];
    for (let i = 0; i < 10; i++) {
      const name = `r${i}`;
      const content = `image/resize,w_${i + 1}/quality,q_${50 + i}`;
      await reissue(() => oss.putStyle(name, content));
      expected.push([name, content]);
    }
    let failures = 0;
    for (let i = 0; i < 60; i++) {
      const listed = await oss.listStyles().catch((e: unknown) => e);
      if (listed instanceof OssError) {
        // Only exhausted retries of transient faults are acceptable here, never a malformed document.
        expect(listed.kind === "network" || listed.status === 429).toBe(true);
        failures++;
        continue;
      }
      expect((listed as { name: string; content: string }[]).map((s) => [s.name, s.content])).toEqual(
        expected,
      );
    }
    console.log(
      `read run: 60 ListStyle calls, ${codes.length} client retries, ${failures} calls failed after 3 attempts`,
    );
    expect(codes).toContain("NetworkError");
    expect(codes.every((c) => c === "NetworkError" || c === "SlowDown")).toBe(true);
  }, 60_000);

  it("waits what the server's Retry-After asks, not its own backoff", async () => {
    const target = await emulatorTarget({ faults: { schedule: ["503", "429"], retryAfterSeconds: 2 } });
    targets.push(target);
    const waits: number[] = [];
    const oss = clientFor(target, {
      // Record the waits the client chooses; do not spend them.
      runtime: { sleep: async (ms) => void waits.push(ms) },
    });
    await oss.putStyle("after", "image/resize,w_10");
    expect(waits).toEqual([2000, 2000]);
    expect((await oss.getStyle("after")).content).toBe("image/resize,w_10");
  });
});
