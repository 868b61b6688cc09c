import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

// Issue 14, part 7: `kill -9` on the `pnpm start` process group left `node dist/main.js` serving and
// holding the data lock (turbo runs its tasks in a process group of their own), and SIGTERM printed
// `ELIFECYCLE Command failed`. The real entry point, through a launcher that does what turbo does.

const bffDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

const env = (dataDir: string) => ({
  PATH: process.env.PATH ?? "",
  PORT: "0",
  DATA_DIR: dataDir,
  CONSOLE_ADMIN_TOKEN: "process-life-token-0123456789",
});

function waitFor(test: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  return new Promise((resolve) => {
    const tick = () => {
      if (test()) resolve(true);
      else if (Date.now() > until) resolve(false);
      else setTimeout(tick, 100);
    };
    tick();
  });
}

function ready(child: ChildProcess): Promise<string> {
  let out = "";
  return new Promise((resolve, reject) => {
    // The embedded database starts first: on a loaded machine, minutes.
    const timer = setTimeout(() => reject(new Error(`not ready in 180 s:\n${out}`)), 180_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /ready at (http:\/\/\S+\/)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
}

describe("the console stops with its launcher", () => {
  it("exits, releasing the data lock, when its launcher's whole process group is killed with -9", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sc-life-"));
    // The launcher starts the server in a process group of its own, as turbo does, and prints its pid.
    const launcher = spawn(
      process.execPath,
      [
        "-e",
        `const c = require("node:child_process").spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { detached: true, stdio: ["ignore", "inherit", "inherit"] });
         console.log("server pid " + c.pid); setInterval(() => {}, 1e6);`,
      ],
      { cwd: bffDir, env: env(dataDir), stdio: ["ignore", "pipe", "inherit"], detached: true },
    );
    children.push(launcher);
    let serverPid = 0;
    launcher.stdout?.on("data", (chunk: Buffer) => {
      serverPid ||= Number(/server pid (\d+)/.exec(chunk.toString())?.[1] ?? 0);
    });
    const url = await ready(launcher);
    expect(existsSync(join(dataDir, "console.pid"))).toBe(true);
    process.kill(-(launcher.pid ?? 0), "SIGKILL");
    const gone = await waitFor(() => {
      try {
        process.kill(serverPid, 0);
        return false;
      } catch {
        return true;
      }
    }, 10_000);
    expect(gone).toBe(true);
    expect(existsSync(join(dataDir, "console.pid"))).toBe(false);
    await expect(fetch(url)).rejects.toThrow();
  }, 240_000);

  it("exits quietly with status 0 on SIGTERM and on SIGINT", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: bffDir,
        env: env(mkdtempSync(join(tmpdir(), "sc-life-"))),
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const url = await ready(child);
      // An open keep-alive connection must not hold the shutdown open.
      await fetch(`${url}api/health`);
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(stderr).toBe("");
    }
  }, 420_000);
});
