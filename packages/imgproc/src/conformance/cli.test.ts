import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", CLI, ...args], {
      cwd: dirname(dirname(dirname(CLI))),
      env: { ...process.env, INIT_CWD: cwd },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe("conformance CLI", () => {
  it("resolves the file against INIT_CWD, prints one line per row and a summary, exits 1 on a failure", async () => {
    const dir = await mkdtemp(join(tmpdir(), "conformance-cli-"));
    const file = join(dir, "rows.json");
    const row = (id: string, width: number) => ({
      id,
      input: { width: 200, height: 100 },
      param: "image/resize,w_100",
      expected: { width },
    });
    await writeFile(file, JSON.stringify({ examples: [row("ok", 100), row("ko", 1)] }));
    const failing = await cli([basename(file)], dir);
    expect(failing.code).toBe(1);
    expect(failing.stdout.trim().split("\n")).toEqual([
      "PASS ok",
      "FAIL ko: width: expected 1 got 100",
      "1 passed, 1 failed, 0 skipped",
    ]);
    await writeFile(file, JSON.stringify({ examples: [row("ok", 100)] }));
    const passing = await cli([basename(file)], dir);
    expect([passing.code, passing.stdout.trim().split("\n").at(-1)]).toEqual([
      0,
      "1 passed, 0 failed, 0 skipped",
    ]);
  }, 30_000);
});
