import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "./data-lock.ts";

const fresh = () => mkdtempSync(join(tmpdir(), "sc-lock-"));

describe("lockDataDir", () => {
  it("refuses a directory held by a live process, and frees it on release", async () => {
    const dir = fresh();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
    try {
      writeFileSync(join(dir, "console.pid"), `${holder.pid}\n`);
      expect(() => lockDataDir(dir)).toThrow(`pid ${holder.pid}`);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once("exit", resolve));
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, "console.pid"))).toBe(true);
    release();
    expect(existsSync(join(dir, "console.pid"))).toBe(false);
  });

  it("takes over a lock whose process is gone", () => {
    const dir = fresh();
    writeFileSync(join(dir, "console.pid"), "999999999\n");
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, "console.pid"), "utf8")).toBe(`${process.pid}\n`);
    release();
  });
});
