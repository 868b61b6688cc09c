/**
 * ListStyle round-trip latency over loopback: the client (signing, fetch, XML parsing and validation)
 * against the emulator (verification, storage read, XML) for a bucket holding 50 styles.
 * The client's rate limiter is off here: at its default 100 req/s it would measure the limiter.
 * Run: pnpm --filter @style-console/oss-contract bench
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createOssClient } from "@style-console/oss";
import { startEmulator } from "@style-console/oss-emulator";
import { Bench } from "tinybench";

const STYLES = 50;
const dataDir = await mkdtemp(join(tmpdir(), "oss-bench-"));
const credentials = { accessKeyId: "LTAIbench", accessKeySecret: "bench-secret" };
const emulator = await startEmulator({
  dataDir,
  ...credentials,
  buckets: ["bench-bucket"],
  styleLimit: STYLES,
});
try {
  const oss = createOssClient({
    region: "cn-hangzhou",
    endpoint: emulator.endpoint,
    bucket: "bench-bucket",
    credentials,
    rateLimit: false,
  });
  for (let i = 0; i < STYLES; i++)
    await oss.putStyle(
      `style_${i}`,
      `image/resize,m_lfit,w_${100 + i},h_${100 + i}/quality,q_90/format,webp`,
      { category: "image" },
    );
  const listed = await oss.listStyles();
  if (listed.length !== STYLES) throw new Error(`expected ${STYLES} styles, listed ${listed.length}`);

  const bench = new Bench({ time: 3000, warmupTime: 500 });
  bench.add(`listStyles (${STYLES} styles)`, async () => {
    await oss.listStyles();
  });
  await bench.run();
  const r = bench.tasks[0]?.result;
  if (!r || !("latency" in r)) throw new Error("the benchmark did not complete");
  const ms = (x: number) => x.toFixed(2);
  console.log(`ListStyle round trip, loopback, ${STYLES} styles, ${r.latency.samplesCount} samples`);
  console.log(
    `p50 ${ms(r.latency.p50)} ms  p99 ${ms(r.latency.p99)} ms  mean ${ms(r.latency.mean)} ms  (${Math.round(r.throughput.mean)} req/s, one at a time, Node ${process.version})`,
  );
} finally {
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
}
