/**
 * Preview throughput of the BFF under concurrent load, with the rendered-result cache off and on, and
 * the BFF's peak RSS during each run.
 *
 * For each case a fresh BFF starts as a child process in embedded mode (the emulator inside it, a
 * temporary data directory, loopback only), so its memory is measured alone and the load generator
 * (autocannon, in this process) does not share its event loop. Peak RSS is the kernel's high-water
 * mark (VmHWM in /proc/<pid>/status) after the run. "Cache off" starts the BFF with PREVIEW_CACHE_MB=0:
 * every request renders. "Cache on" keeps the default 64 MB LRU: after the first render, requests are
 * served from memory.
 *
 * Run: `pnpm --filter @style-console/bff bench` (BENCH_SECONDS, BENCH_CONNECTIONS to change the load).
 */
import { availableParallelism } from "node:os";
import autocannon from "autocannon";
import { memoryMb, startBenchBff, BENCH_TOKEN as TOKEN } from "./stack.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SOURCE = "sample:2569067123_aca715a2ee_o"; // the 6 MP sample, 2725x2225

const STYLES = [
  { name: "thumbnail (demo style)", process: "image/resize,m_fill,w_200,h_200/quality,q_85" },
  { name: "web-webp (demo style)", process: "image/resize,w_1200,limit_1/format,webp/quality,q_80" },
];

async function load(url: string, seconds: number, connections: number) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
}

interface Row {
  style: string;
  cache: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
  idleMb: number;
  peakMb: number;
}

async function measure(style: (typeof STYLES)[number], cacheMb: number, connections: number): Promise<Row> {
  const bff = await startBenchBff({ env: { PREVIEW_CACHE_MB: String(cacheMb) } });
  try {
    const pid = bff.child.pid ?? 0;
    const url = `${bff.url}/api/preview?source=${encodeURIComponent(SOURCE)}&process=${encodeURIComponent(style.process)}`;
    const first = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (first.status !== 200) throw new Error(`preview answered ${first.status}: ${await first.text()}`);
    await first.arrayBuffer();
    const idleMb = memoryMb(pid, "VmRSS");
    await load(url, 2, connections); // warm-up: JIT, sharp's thread pool
    const result = await load(url, SECONDS, connections);
    return {
      style: style.name,
      cache: cacheMb === 0 ? "off" : `on (${cacheMb} MB)`,
      connections,
      rps: Math.round(result.requests.average * 10) / 10,
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok: result["2xx"],
      other: result.non2xx + result.errors + result.timeouts,
      idleMb,
      peakMb: memoryMb(pid, "VmHWM"),
    };
  } finally {
    await bff.stop();
  }
}

const rows: Row[] = [];
// One connection shows a render's own latency (what a designer waits for after a keystroke); the
// concurrent runs show throughput and queueing.
const CASES: Array<[number, number]> = [
  [0, 1],
  [0, CONNECTIONS],
  [64, CONNECTIONS],
];
for (const style of STYLES) {
  for (const [cacheMb, connections] of CASES) {
    const row = await measure(style, cacheMb, connections);
    console.error(`${row.style}, cache ${row.cache}, ${connections} connection(s): ${row.rps} req/s`);
    rows.push(row);
  }
}

console.log(
  `\nNode ${process.version}, ${availableParallelism()} cores, ${SECONDS} s per run, source ${SOURCE}\n`,
);
console.log(
  "| style | cache | connections | req/s | p50 ms | p99 ms | 2xx | non-2xx/errors | RSS after 1st render MB | peak RSS MB |",
);
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.style} | ${r.cache} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.other} | ${r.idleMb} | ${r.peakMb} |`,
  );
}
