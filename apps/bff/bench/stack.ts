/**
 * Start-up of a whole BFF for the benches: a child process in embedded mode (the emulator inside it, a
 * temporary data directory, loopback only, no SPA), so its memory is measured alone and the load
 * generator in the bench's own process does not share its event loop.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The bootstrap admin token every bench BFF is started with (`Authorization: Bearer …`). */
export const BENCH_TOKEN = "bench-admin-token-0123456789abcdef";

export interface BenchBff {
  child: ChildProcess;
  /** The console's origin (`http://127.0.0.1:<port>`). */
  url: string;
  /** The embedded emulator's endpoint, when `waitForEmulator` asked for it. */
  endpoint: string | undefined;
  dataDir: string;
  /** SIGTERM, wait for the exit, remove the data directory. */
  stop(): Promise<void>;
}

export interface BenchBffOptions {
  /** The `apps/bff` directory to run (default: this checkout's). */
  app?: string;
  /** Extra environment (PREVIEW_CACHE_MB, DATABASE_URL, …). */
  env?: Record<string, string>;
  /** Also wait for the emulator's "emulator at <url>" line and return its endpoint. */
  waitForEmulator?: boolean;
  /** Longest wait for "ready at" (default 180 s: tsx compiles the BFF on a loaded machine). */
  readyTimeoutMs?: number;
}

/**
 * Starts `src/main.ts` under tsx and resolves when it prints "ready at <url>"; rejects with its output
 * when it exits first or takes longer than `readyTimeoutMs`.
 * @example
 * const bff = await startBenchBff({ env: { PREVIEW_CACHE_MB: "0" } });
 * await fetch(`${bff.url}/api/health`); await bff.stop();
 */
export async function startBenchBff(options: BenchBffOptions = {}): Promise<BenchBff> {
  const dataDir = mkdtempSync(join(tmpdir(), "sc-bench-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: options.app ?? fileURLToPath(new URL("..", import.meta.url)),
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: "0",
      CONSOLE_ADMIN_TOKEN: BENCH_TOKEN,
      WEB_DIST: join(dataDir, "no-spa"),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const timeoutMs = options.readyTimeoutMs ?? 180_000;
  const { url, endpoint } = await new Promise<{ url: string; endpoint: string | undefined }>(
    (resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const ready = /ready at (http:\/\/[^\s/]+)\//.exec(out)?.[1];
        const emulator = /emulator at (http:\/\/[^\s/"]+)/.exec(out)?.[1];
        if (ready && (emulator || !options.waitForEmulator)) resolve({ url: ready, endpoint: emulator });
      });
      child.once("exit", (code) =>
        reject(new Error(`the BFF exited (${code}) before it was ready:\n${out}`)),
      );
      setTimeout(
        () => reject(new Error(`the BFF did not start within ${timeoutMs / 1000} s`)),
        timeoutMs,
      ).unref();
    },
  );
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

/**
 * A process's memory in MB from /proc/<pid>/status: `VmHWM` (the kernel's peak RSS) or `VmRSS` (now).
 * @example
 * memoryMb(bff.child.pid ?? 0, "VmHWM"); // 412
 */
export function memoryMb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}
