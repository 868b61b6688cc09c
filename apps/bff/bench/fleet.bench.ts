/**
 * Fleet benchmarks (issue 12), on the emulator over loopback with the BFF in-process (the test harness,
 * embedded PGlite database):
 *
 * 1. The matrix of 20 buckets × 50 styles: `GET /api/fleet/styles?reference=…` (goal ≤ 2 s).
 * 2. A copy of 50 styles to 10 buckets (500 writes) at `OSS_QPS` = BENCH_QPS (default 60): the most
 *    OSS requests that completed in any sliding one-second window (goal ≤ OSS_QPS) and the run time
 *    against what the rate allows for the requests made (goal within 10%).
 *
 * Run: `pnpm --filter @style-console/bff bench:fleet`.
 */
import { startHarness } from "../src/testing/harness.ts";

const QPS = Number(process.env.BENCH_QPS ?? 60);
const buckets = Array.from({ length: 20 }, (_, i) => `fleet-b${String(i).padStart(2, "0")}`);
const styles = Array.from({ length: 50 }, (_, i) => `style-${String(i).padStart(2, "0")}`);

const h = await startHarness({
  emulatorBuckets: buckets,
  database: process.env.BENCH_DATABASE ?? "pglite",
  fleet: { qps: QPS },
  styleLimit: 100,
});
const stamps: number[] = [];
const seen = h.ossRequests.length;
try {
  // Seed: every bucket holds the 50 styles; every third one drifts on a few.
  for (const [b, bucket] of buckets.entries()) {
    await Promise.all(
      styles.map((name, i) =>
        h.oss.putStyle(name, `image/resize,w_${100 + i + (b % 3 === 0 && i < 5 ? 1 : 0)}`, { bucket }),
      ),
    );
  }
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const res = await h.request(`/api/fleet/styles?reference=${buckets[0]}`, { headers: h.bearer });
    const body = (await res.json()) as { rows: unknown[]; buckets: unknown[] };
    times.push(performance.now() - t0);
    if (body.rows.length !== 50 || body.buckets.length !== 20) throw new Error("unexpected matrix");
  }
  times.sort((a, b) => a - b);
  console.log(
    `matrix 20 buckets x 50 styles: median ${times[1]?.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(", ")} ms; goal <= 2000 ms)`,
  );

  // Copy: 50 fresh styles from one bucket to ten others (500 creates).
  const source = buckets[0] as string;
  const targets = buckets.slice(10, 20);
  for (const target of targets) {
    await Promise.all(styles.map((name) => h.oss.deleteStyle(name, { bucket: target })));
  }
  const plan = (await (
    await h.request("/api/fleet/copy/plan", {
      method: "POST",
      headers: h.bearer,
      body: JSON.stringify({ source, targets }),
    })
  ).json()) as { id: string; items: Array<{ action: string }> };
  const writes = plan.items.filter((i) => i.action === "create").length;
  const before = h.ossRequests.length;
  const original = h.ossRequests.push.bind(h.ossRequests);
  h.ossRequests.push = (...lines: string[]) => {
    for (const _ of lines) stamps.push(performance.now());
    return original(...lines);
  };
  const t0 = performance.now();
  await h.request(`/api/fleet/jobs/${plan.id}/apply`, { method: "POST", headers: h.bearer });
  await h.api.fleet.idle();
  const elapsed = (performance.now() - t0) / 1000;
  const requests = h.ossRequests.length - before;
  let worst = 0;
  let j = 0;
  for (let i = 0; i < stamps.length; i++) {
    while ((stamps[i] as number) - (stamps[j] as number) >= 1000) j++;
    worst = Math.max(worst, i - j + 1);
  }
  const allowed = requests / QPS;
  console.log(
    `copy ${writes} writes (${requests} OSS requests) at OSS_QPS=${QPS}: ${elapsed.toFixed(1)} s; the rate allows ${allowed.toFixed(1)} s (${((elapsed / allowed - 1) * 100).toFixed(1)}% over); most requests in any 1 s window: ${worst} (goal <= ${QPS})`,
  );
  void seen;
} finally {
  await h.close();
}
