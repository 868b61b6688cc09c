import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../http/csrf.ts";

/**
 * The real built BFF as `pnpm start` runs it (its `start` script), for tests across processes: several
 * replicas, SIGKILL. `buildBff()` bundles it first (esbuild, about a second).
 */
const bffDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Spawns the built BFF exactly as `pnpm start` in `apps/bff` runs it: that package's `start` script
 * (its `MALLOC_ARENA_MAX` default and Node flags, decision 030) under `sh -c exec`, so the child's pid
 * is node's own and /proc/<pid> reads the console's memory. `env` replaces the environment.
 * @example
 * const child = spawnStartScript(APP, { PATH: process.env.PATH ?? "", DATA_DIR: dir, PORT: "0" });
 */
export function spawnStartScript(app: string, env: Record<string, string>): ChildProcess {
  const pkg = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as { scripts: { start: string } };
  return spawn("/bin/sh", ["-c", `exec ${pkg.scripts.start}`], {
    cwd: app,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Bundles `src/main.ts` into `dist/main.js` as `pnpm build` does. */
export function buildBff(): void {
  execFileSync(process.execPath, ["build.mjs"], { cwd: bffDir, stdio: "inherit" });
}

export interface RunningBff {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Signed-in browser headers for this replica (cookie from `cookie`, or a fresh sign-in). */
  headers(cookie: string): Record<string, string>;
  signIn(token: string): Promise<string>;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Starts the built BFF through its `start` script with only `env` (plus PATH) and resolves once it
 * prints its URL.
 * @example
 * const a = await startBff({ PORT: "0", DATA_DIR: dir, DATABASE_URL: url, … });
 */
export function startBff(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningBff> {
  const child = spawnStartScript(bffDir, { PATH: process.env.PATH ?? "", PORT: "0", ...env });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready at (http:\/\/\S+?)\/?\s/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
      child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
      const headers = (cookie: string) => ({
        Cookie: cookie,
        Origin: url,
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
        "Content-Type": "application/json",
      });
      resolve({
        url,
        child,
        output: () => output,
        headers,
        exited,
        signIn: async (token) => {
          const res = await fetch(`${url}/api/session`, {
            method: "POST",
            headers: { "Content-Type": "application/json", Origin: url, [CSRF_HEADER]: CSRF_HEADER_VALUE },
            body: JSON.stringify({ token }),
          });
          const cookie = res.headers.get("set-cookie")?.split(";")[0];
          if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
          return cookie;
        },
      });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}
