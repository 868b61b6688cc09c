/**
 * The embedded default's own figures (issue 9), on the built BFF as `pnpm start` runs it
 * (`node dist/main.js`, no DATABASE_URL: PGlite under DATA_DIR/db and the OSS emulator in the same
 * process):
 *  - start to `/api/ready`: the first start on a new data directory, then three more on the same one;
 *    with the CPU seconds the process used until then (user + system, all threads: about what the wall
 *    time is on an idle machine) and the load average, since the machine may be shared;
 *  - peak RSS of the whole process (VmHWM: its high-water mark since it started, start-up included)
 *    under the preview load of `preview.bench.ts` (8 connections, result cache off, the 6 MP sample,
 *    both demo styles one after the other), on a first start and on a later one.
 * Targets: ready ≤ 3 s after the first start; peak RSS ≤ 300 MB.
 *
 * Run: `pnpm --filter @style-console/bff bench:embedded` (BENCH_SECONDS per style, default 10).
 */
import { type ChildProcess, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { spawnStartScript } from "../src/testing/built-bff.ts";

const APP = fileURLToPath(new URL("..", import.meta.url));
const TOKEN = "bench-admin-token-0123456789abcdef";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 8;
const SOURCE = "sample:2569067123_aca715a2ee_o"; // the 6 MP sample, 2725×2225
const STYLES = [
  "image/resize,m_fill,w_200,h_200/quality,q_85",
  "image/resize,w_1200,limit_1/format,webp/quality,q_80",
];
// Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux).
const USER_HZ = 100;

interface Started {
  child: ChildProcess;
  url: string;
  readyMs: number;
  cpuSeconds: number;
  stop(): Promise<void>;
}

const status = (pid: number, field: "VmHWM" | "VmRSS") =>
  Math.round(
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024,
  );

function cpuSeconds(pid: number): number {
  // Fields 14 and 15 (utime, stime) follow the parenthesised command name, which may hold spaces.
  const after = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(after[11]) + Number(after[12])) / USER_HZ;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

async function start(dataDir: string): Promise<Started> {
  const started = performance.now();
  // As `pnpm start` runs it: its MALLOC_ARENA_MAX and Node flags (decision 030).
  const child = spawnStartScript(APP, {
    PATH: process.env.PATH ?? "",
    DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: "0",
    CONSOLE_ADMIN_TOKEN: TOKEN,
    WEB_DIST: join(dataDir, "no-spa"),
    PREVIEW_CACHE_MB: "0",
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  try {
    for (;;) {
      const url = /ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        const res = await fetch(`${url}/api/ready`);
        if (res.status === 200) {
          const readyMs = Math.round(performance.now() - started);
          return { child, url, readyMs, cpuSeconds: cpuSeconds(child.pid ?? 0), stop };
        }
      }
      if (child.exitCode !== null) throw new Error(`the BFF exited:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

async function previewLoad(bff: Started): Promise<{ requests: number; non2xx: number }> {
  let requests = 0;
  let non2xx = 0;
  for (const process of STYLES) {
    const url = `${bff.url}/api/preview?source=${encodeURIComponent(SOURCE)}&process=${encodeURIComponent(process)}`;
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    requests += result.requests.total;
    non2xx += result.non2xx + result.errors + result.timeouts;
  }
  return { requests, non2xx };
}

execFileSync(process.execPath, ["build.mjs"], { cwd: APP, stdio: "inherit" });
const dataDir = mkdtempSync(join(tmpdir(), "sc-bench-embedded-"));
const readyRows: string[] = [];
const loadRows: string[] = [];
try {
  for (const name of ["first (new data directory)", "second", "third", "fourth"]) {
    const bff = await start(dataDir);
    const hwm = status(bff.child.pid ?? 0, "VmHWM");
    readyRows.push(`| ${name} | ${bff.readyMs} | ${bff.cpuSeconds.toFixed(2)} | ${hwm} | ${load()} |`);
    await bff.stop();
  }
  for (const [name, dir] of [
    ["first start, then load", mkdtempSync(join(tmpdir(), "sc-bench-embedded-"))],
    ["later start, then load", dataDir],
  ] as const) {
    const bff = await start(dir);
    const pid = bff.child.pid ?? 0;
    const idle = status(pid, "VmRSS");
    const { requests, non2xx } = await previewLoad(bff);
    loadRows.push(`| ${name} | ${requests} | ${non2xx} | ${idle} | ${status(pid, "VmHWM")} | ${load()} |`);
    await bff.stop();
    if (dir !== dataDir) rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\nNode ${process.version}; built BFF, embedded default (PGlite + emulator in one process)\n`);
console.log("## Start to /api/ready\n");
console.log("| start | ms | CPU s | peak RSS MB | load average |\n| --- | ---: | ---: | ---: | --- |");
for (const row of readyRows) console.log(row);
console.log(
  `\n## Peak RSS of the whole BFF under the preview load (${CONNECTIONS} connections, cache off, ${SECONDS} s per style)\n`,
);
console.log(
  "| run | requests | non-2xx/errors | idle RSS MB | peak RSS MB | load average |\n| --- | ---: | ---: | ---: | ---: | --- |",
);
for (const row of loadRows) console.log(row);
