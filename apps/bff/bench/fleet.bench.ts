/**
 * Fleet benchmarks (issue 12), on the emulator over loopback with the BFF in-process (the test harness,
 * embedded PGlite database):
 *
 * 1. The matrix of 20 buckets × 50 styles: `GET /api/fleet/styles?reference=…` (goal ≤ 2 s).
 * 2. A copy of 50 styles to 10 buckets (500 writes) at `OSS_QPS` = BENCH_QPS (default 60), every OSS
 *    request of the console through the rate shared in the database (as in cloud mode): the most
 *    requests that ARRIVED at the emulator in any sliding one-second window [t, t + 1 s), t any instant
 *    (goal ≤ OSS_QPS), and the run time against what the rate allows (goal within 10%).
 *
 *    The allowed time counts the requests the apply really made, as the emulator logged them: per
 *    target one ListStyle (the conflict check of the whole target right before its writes), per write
 *    one GetStyle under the style's lock (the conflict check no ListStyle can replace: OSS has no
 *    conditional PutStyle, and the lock is taken after the list), the PutStyle, and one GetStyle to read
 *    back the LastModifyTime OSS gave the new version (PutStyle's answer has none; the audit and the
 *    version history record it). 500 writes to 10 targets: 10 + 3 × 500 = 1510 requests. At OSS_QPS
 *    requests per second, n requests need (n − 1) / OSS_QPS seconds at least between the first start
 *    and the last; the bench reports elapsed / that − 1.
 *
 * 3. The shared rate alone with demand to spare: 300 ListStyle calls of the console's client, 32 in
 *    flight, and 300 bare grants of the schedule (no OSS work), to tell the limiter's own throughput from
 *    the BFF's per-write work on a loaded machine.
 *
 * Run: `pnpm --filter @style-console/bff bench:fleet` (BENCH_DATABASE=postgres for the shared engine).
 */
import { readFile } from "node:fs/promises";
import pg from "pg";
import { ossRateLimit } from "../src/db/oss-rate.ts";
import { startHarness } from "../src/testing/harness.ts";

const QPS = Number(process.env.BENCH_QPS ?? 60);
const buckets = Array.from({ length: 20 }, (_, i) => `fleet-b${String(i).padStart(2, "0")}`);
const styles = Array.from({ length: 50 }, (_, i) => `style-${String(i).padStart(2, "0")}`);

// BENCH_DATABASE=postgres: a database made for the run on the test server (TEST_DATABASE_URL), dropped after.
const choice = process.env.BENCH_DATABASE ?? "pglite";
const server = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const benchDb = `bench_fleet_${process.pid}`;
async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}
let database = choice;
if (choice === "postgres") {
  await admin(`create database ${benchDb}`);
  const url = new URL(server);
  url.pathname = `/${benchDb}`;
  database = url.toString();
}
const loadavg = async () =>
  (await readFile("/proc/loadavg", "utf8").catch(() => "?")).split(" ").slice(0, 3).join(" ");

// 1. The matrix, on the embedded default's setup (the OSS client's own limit, PGlite).
let h = await startHarness({ emulatorBuckets: buckets, database, styleLimit: 100 });
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
    `matrix 20 buckets x 50 styles: median ${times[1]?.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(", ")} ms; goal <= 2000 ms; load ${await loadavg()})`,
  );
} finally {
  await h.close();
}

// 2. The copy, every console request through the shared rate (cloud mode's setup).
const source = buckets[0] as string;
const targets = buckets.slice(10, 20);
h = await startHarness({
  emulatorBuckets: [source, ...targets],
  database,
  ossQps: QPS,
  styleLimit: 100,
  poolSize: 10, // the console's default pool (and 16 more for the style locks)
});
// When each request reached the emulator: its log line comes at the end, with the time it took.
const arrivals: number[] = [];
const hookArrivals = () => {
  arrivals.length = 0;
  const original = h.ossRequests.push.bind(h.ossRequests);
  h.ossRequests.push = (...lines: string[]) => {
    const at = performance.now();
    for (const line of lines) arrivals.push(at - Number(/ (\d+)ms /.exec(line)?.[1] ?? 0));
    return original(...lines);
  };
  return () => {
    h.ossRequests.push = original;
    arrivals.sort((a, b) => a - b);
    let worst = 0;
    for (let i = 0, j = 0; i < arrivals.length; i++) {
      while ((arrivals[i] as number) - (arrivals[j] as number) >= 1000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    return { requests: arrivals.length, worst };
  };
};
try {
  await Promise.all(
    styles.map((name, i) => h.oss.putStyle(name, `image/resize,w_${100 + i}`, { bucket: source })),
  );
  const plan = (await (
    await h.request("/api/fleet/copy/plan", {
      method: "POST",
      headers: h.bearer,
      body: JSON.stringify({ source, targets }),
    })
  ).json()) as { id: string; items: Array<{ action: string }> };
  const writes = plan.items.filter((i) => i.action === "create").length;
  const stop = hookArrivals();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await h.request(`/api/fleet/jobs/${plan.id}/apply`, { method: "POST", headers: h.bearer });
  await h.api.fleet.idle();
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const { requests, worst } = stop();
  const allowed = (requests - 1) / QPS;
  const load = await loadavg();
  console.log(
    `copy ${writes} writes to ${targets.length} buckets (${requests} OSS requests: ${targets.length} ListStyle + ${writes} × GetStyle, PutStyle, GetStyle) at OSS_QPS=${QPS}: ${elapsed.toFixed(1)} s; the rate allows ${allowed.toFixed(1)} s (${((elapsed / allowed - 1) * 100).toFixed(1)}% over; goal <= 10%); most requests in any 1 s window: ${worst} (goal <= ${QPS}); CPU of this process (BFF, emulator, PGlite) ${cpuSeconds.toFixed(1)} s; load ${load}`,
  );

  // 3. The shared rate alone, with demand to spare: 300 ListStyle calls of the console's client, 32 in
  //    flight. Tells the limiter's own throughput from the BFF's per-write work (CPU, database).
  const lone = hookArrivals();
  const t1 = performance.now();
  const bucket = h.api.fleet.bucket(source);
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next++ < 300) await bucket.styles.list();
    }),
  );
  const alone = (performance.now() - t1) / 1000;
  const r = lone();
  const allowedAlone = (r.requests - 1) / QPS;
  console.log(
    `rate alone: ${r.requests} requests, 32 in flight, at OSS_QPS=${QPS}: ${alone.toFixed(1)} s; the rate allows ${allowedAlone.toFixed(1)} s (${((alone / allowedAlone - 1) * 100).toFixed(1)}% over); most in any 1 s window: ${r.worst}; load ${await loadavg()}`,
  );

  // 4. The schedule alone: 300 grants, 32 waiting, no OSS work at all (what the limiter itself costs).
  const limit = ossRateLimit(h.database, { requestsPerSecond: QPS });
  const grants: number[] = [];
  const t2 = performance.now();
  let taken = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (taken++ < 300) {
        await limit.acquire();
        grants.push(performance.now());
      }
    }),
  );
  const bare = (performance.now() - t2) / 1000;
  grants.sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < grants.length; i++) {
    while ((grants[i] as number) - (grants[j] as number) >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  const allowedBare = (grants.length - 1) / QPS;
  console.log(
    `schedule alone: ${grants.length} grants, 32 waiting, at OSS_QPS=${QPS}: ${bare.toFixed(1)} s; the rate allows ${allowedBare.toFixed(1)} s (${((bare / allowedBare - 1) * 100).toFixed(1)}% over; ${h.database.engine === "pglite" ? "7.0" : "5.0"}% of it is the lateness and jitter margins); most in any 1 s window: ${most}; load ${await loadavg()}`,
  );
} finally {
  await h.close();
}
if (choice === "postgres") await admin(`drop database if exists ${benchDb} with (force)`);
