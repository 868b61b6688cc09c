import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "./args.ts";

const base = ["--data", "d", "--access-key-id", "ak", "--access-key-secret", "sk"];

describe("parseArgs", () => {
  it("reads every flag, repeats included, and resolves --data against the caller's directory", () => {
    const options = parseArgs(
      [
        "--",
        ...base,
        "--host",
        "127.0.0.1",
        "--port",
        "9000",
        "--region",
        "cn-shanghai",
        "--bucket",
        "a1b",
        "--bucket",
        "c2d@eu-central-1",
        "--style-limit",
        "7",
        "--sts",
        "sid:ssecret:tok:en",
        "--fault-503",
        "0.3",
        "--fault-reset",
        "0.1",
        "--fault-latency",
        "5-10",
        "--fault-schedule",
        "503,none",
        "--fault-seed",
        "4",
      ],
      "/work",
    );
    expect(options).toMatchObject({
      dataDir: "/work/d",
      accessKeyId: "ak",
      accessKeySecret: "sk",
      port: 9000,
      region: "cn-shanghai",
      buckets: ["a1b", "c2d@eu-central-1"],
      styleLimit: 7,
      extraCredentials: [{ accessKeyId: "sid", accessKeySecret: "ssecret", securityToken: "tok:en" }],
      faults: {
        probabilities: { "503": 0.3, reset: 0.1 },
        latencyMs: { min: 5, max: 10 },
        schedule: ["503", "none"],
        seed: 4,
      },
    });
    expect(parseArgs([...base.slice(0, 1), "/abs", ...base.slice(2)], "/work").dataDir).toBe("/abs");
    expect(parseArgs(base, "/w").faults).toBeUndefined();
  });

  it.each([
    [["--port", "abc"], /--port expects an integer, got "abc"/],
    [["--style-limit", "1.5"], /--style-limit expects an integer/],
    [["--bogus", "1"], /Unknown flag "--bogus"/],
    [["--region"], /--region needs a value/],
    [["--region", "--bucket"], /--region needs a value/],
    [["--sts", "only:two"], /--sts expects <id>:<secret>:<token>/],
    [["--port", "1", "--port", "2"], /--port is given twice/],
    [["--fault-503", "0.1", "--fault-503", "0.2"], /--fault-503 is given twice/],
    [["--fault-503", "often"], /--fault-503 expects a number, got "often"/],
    [["--fault-sometimes", "0.1"], /Unknown flag "--fault-sometimes"/],
    [["stray"], /Unknown flag "stray"/],
    [["--log=yes"], /--log takes no value/],
  ])("refuses %j", (extra, message) => {
    expect(() => parseArgs([...base, ...extra], "/w")).toThrow(message);
  });

  it("asks for the usage on --help and -h, and reads --log as a switch", () => {
    for (const flag of ["--help", "-h"]) {
      expect(() => parseArgs([...base, flag], "/w")).toThrow(UsageError);
    }
    expect(parseArgs([...base, "--log"], "/w").log).toBeTypeOf("function");
    expect(parseArgs(base, "/w").log).toBeUndefined();
  });

  it("requires the data directory and both halves of the key", () => {
    expect(() => parseArgs(base.slice(2), "/w")).toThrow(/--data is required/);
    expect(() => parseArgs(base.slice(0, 4), "/w")).toThrow(/--access-key-secret is required/);
  });
});

describe("the CLI", () => {
  it("exits with status 2 and a clear message on a bad flag or a bad option value", () => {
    const cwd = fileURLToPath(new URL("../..", import.meta.url));
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { cwd, encoding: "utf8" });
    const flag = run([...base, "--port", "x"]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--port expects an integer, got "x"');
    const value = run([...base, "--region", "cn_hangzhou"]);
    expect(value.status).toBe(2);
    expect(value.stderr).toContain("Invalid option region");
    // Two cold tsx starts: seconds on a loaded machine.
  }, 30_000);
});
