/**
 * Peak RSS of the BFF under the three inputs of issue 14 that exhausted its memory: the upload check
 * of a 15000×15000 WebP, the upload check of a 5.5 KB GIF of 240 frames at 1000×1000, and three
 * concurrent blur previews of that WebP as a bucket object. Inputs are generated here, byte by byte
 * (`@style-console/imgproc/testing`), never committed.
 *
 * Each row starts a fresh BFF as `pnpm start` runs it (built, `node dist/main.js` with
 * MALLOC_ARENA_MAX=2) on the embedded default (PGlite and the emulator in the same process, temporary
 * data directory: a first start) and reads its peak RSS (VmHWM: the whole process since it started,
 * start-up included) after the requests; "idle" is VmRSS before them. The first row sends nothing: the
 * embedded default's own figure. `BENCH_APP=<path to another checkout's apps/bff>` measures that
 * checkout instead (the "before" column: `git worktree add /tmp/main main`, `pnpm install`); it is built
 * here first. `DATABASE_URL` set: PostgreSQL instead of the embedded database.
 *
 * Run: `pnpm --filter @style-console/bff bench:memory`.
 */
import { type ChildProcess, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { solidWebp, tinyFramesGif } from "@style-console/imgproc/testing";
import { createOssClient } from "@style-console/oss";
import { spawnStartScript } from "../src/testing/built-bff.ts";

const TOKEN = "bench-admin-token-0123456789abcdef";
const APP = process.env.BENCH_APP ?? fileURLToPath(new URL("..", import.meta.url));
const auth = { Authorization: `Bearer ${TOKEN}` };

interface Bff {
  child: ChildProcess;
  url: string;
  endpoint: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function startBff(): Promise<Bff> {
  const dataDir = mkdtempSync(join(tmpdir(), "sc-bench-mem-"));
  // As `pnpm start` runs it: its MALLOC_ARENA_MAX and Node flags (decision 030).
  const child = spawnStartScript(APP, {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: "0",
    CONSOLE_ADMIN_TOKEN: TOKEN,
    WEB_DIST: join(dataDir, "no-spa"),
    // The "before" code has no admission; give both the same render time so neither is cut short.
    ...(process.env.PREVIEW_MEMORY_MB ? { PREVIEW_MEMORY_MB: process.env.PREVIEW_MEMORY_MB } : {}),
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
  child.stderr?.pipe(process.stderr);
  const { url, endpoint } = await new Promise<{ url: string; endpoint: string }>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready at (http:\/\/[^\s/]+)\//.exec(out)?.[1];
      const emulator = /emulator at (http:\/\/[^\s/"]+)/.exec(out)?.[1];
      if (ready && emulator) resolve({ url: ready, endpoint: emulator });
    });
    child.once("exit", (code) => reject(new Error(`the BFF exited (${code}) before it was ready:\n${out}`)));
    setTimeout(() => reject(new Error("the BFF did not start within 120 s")), 120_000).unref();
  });
  return {
    child,
    url,
    endpoint,
    dataDir,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const memoryMb = (pid: number, field: "VmHWM" | "VmRSS") =>
  Math.round(
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024,
  );

async function uploadRow(bff: Bff, bytes: Buffer, name: string): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${bff.url}/api/samples`, { method: "POST", headers: auth, body: form });
  const body = (await res.json()) as { error?: { code: string } };
  return `${res.status}${body.error ? ` ${body.error.code}` : ""}`;
}

async function previews(
  bff: Bff,
  key: string,
  bytes: Buffer,
  process: string,
  count: number,
): Promise<string> {
  const keys = JSON.parse(readFileSync(join(bff.dataDir, "emulator-key.json"), "utf8")) as {
    accessKeyId: string;
    accessKeySecret: string;
  };
  const oss = createOssClient({ region: "cn-hangzhou", endpoint: bff.endpoint, credentials: keys });
  await oss.putObject(key, bytes, { bucket: "demo-photos" });
  const url = `${bff.url}/api/preview?source=${encodeURIComponent(`object:demo-photos/${key}`)}&process=${encodeURIComponent(process)}`;
  const answers = await Promise.all(
    Array.from({ length: count }, async () => {
      const res = await fetch(url, { headers: auth });
      if (!res.headers.get("Content-Type")?.includes("json")) {
        await res.arrayBuffer();
        return String(res.status);
      }
      const body = (await res.json()) as { error?: { code: string } };
      return `${res.status}${body.error ? ` ${body.error.code}` : ""}`;
    }),
  );
  return answers.join(", ");
}

const blurRow = (bff: Bff) => previews(bff, "huge.webp", solidWebp(15000, 15000), "image/blur,r_3,s_2", 3);

const ROWS: Array<{ name: string; run: (bff: Bff) => Promise<string> }> = [
  { name: "idle after a first start (nothing sent)", run: async () => "-" },
  {
    name: "upload check: 15000×15000 WebP (32 B)",
    run: (b) => uploadRow(b, solidWebp(15000, 15000), "huge.webp"),
  },
  {
    name: "upload check: GIF, 240 frames of 1000×1000 (5.5 KB)",
    run: (b) => uploadRow(b, tinyFramesGif(1000, 1000, 240), "frames.gif"),
  },
  { name: "3 concurrent previews `blur,r_3,s_2` of that WebP (object)", run: blurRow },
  {
    name: "fits: 3 concurrent `blur,r_3,s_2` of a 4000×4000 WebP (object)",
    run: (b) => previews(b, "mid.webp", solidWebp(4000, 4000), "image/blur,r_3,s_2", 3),
  },
  {
    name: "fits: 3 concurrent `resize,w_200` of the 240-frame GIF (object)",
    run: (b) => previews(b, "frames.gif", tinyFramesGif(1000, 1000, 240), "image/resize,w_200", 3),
  },
];
const only = process.env.BENCH_ROWS?.split(",").map(Number);

execFileSync(process.execPath, ["build.mjs"], { cwd: APP, stdio: "inherit" });
console.log(
  `BFF at ${APP}; Node ${process.version}; ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded default (PGlite)"}`,
);
console.log("| input | answers | seconds | idle RSS MB | peak RSS MB | load average |");
console.log("| --- | --- | ---: | ---: | ---: | --- |");
for (const [index, row] of ROWS.entries()) {
  if (only && !only.includes(index + 1)) continue;
  const bff = await startBff();
  const pid = bff.child.pid ?? 0;
  // The emulator's log flush and the first queries settle; then the resting figure.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = memoryMb(pid, "VmRSS");
  const started = performance.now();
  let answers: string;
  try {
    answers = await row.run(bff);
  } catch (error) {
    answers = `failed: ${(error as Error).message}`;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
  console.log(`| ${row.name} | ${answers} | ${seconds} | ${idle} | ${memoryMb(pid, "VmHWM")} | ${load} |`);
  await bff.stop();
}
