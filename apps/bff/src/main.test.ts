import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningEmulator, startEmulator } from "@style-console/oss-emulator";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing/postgres.ts";

// The real entry point as `pnpm start` runs it (through tsx instead of the bundle, to test the source):
// what it prints, and that the configured mode serves the right buckets.
const bffDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const started: ChildProcess[] = [];
let emulator: RunningEmulator | undefined;

const dropAfter: TestDatabase[] = [];

afterEach(async () => {
  for (const child of started.splice(0)) child.kill("SIGTERM");
  for (const database of dropAfter.splice(0)) await database.drop();
  await emulator?.close();
  emulator = undefined;
});

function start(env: Record<string, string>): Promise<{ output: string; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: bffDir,
    // Only what the test sets, plus PATH: no cloud credentials leak in from the developer's shell.
    env: { PATH: process.env.PATH ?? "", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    // The embedded database's first start runs initdb (WebAssembly): slow on a busy machine.
    const timer = setTimeout(() => reject(new Error(`no URL printed within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready at (http:\/\/\S+\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        // The sign-in line is printed right after the URL: let it arrive too.
        setTimeout(() => resolve({ output, url }), 300);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

describe("main (pnpm start)", () => {
  it("on the embedded default: prints the URL and a one-click sign-in URL whose fragment token works", async () => {
    const { output, url } = await start({ DATA_DIR: mkdtempSync(join(tmpdir(), "sc-main-")) });
    expect(output).toMatch(/Embedded OSS emulator at http:\/\/127\.0\.0\.1:\d+/);
    const token = new RegExp(`${url.replace(/[/.]/g, "\\$&")}#token=(\\S+)`).exec(output)?.[1];
    expect(token).toMatch(/^[\w-]{40,}$/);
    const res = await fetch(`${url}api/buckets`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    // Two regions on the embedded default (issue 12).
    expect(
      ((await res.json()) as Array<{ name: string; region: string }>).map((b) => `${b.name}@${b.region}`),
    ).toEqual(["demo-photos@cn-hangzhou", "demo-avatars@cn-hangzhou", "demo-shop-eu@eu-central-1"]);
  }, 150_000);

  it("in cloud mode on PostgreSQL: manages the configured buckets over V4, and prints no token when one is configured", async () => {
    const database = await createTestDatabase({ empty: true });
    dropAfter.push(database);
    emulator = await startEmulator({
      dataDir: mkdtempSync(join(tmpdir(), "sc-main-oss-")),
      accessKeyId: "TESTAKcloudtest01",
      accessKeySecret: "cloud-secret-for-the-test",
      buckets: ["prod-images", "shop-a@cn-shanghai", "shop-b@eu-central-1", "unrelated"],
    });
    const token = "configured-admin-token-123456";
    const { output, url } = await start({
      DATA_DIR: mkdtempSync(join(tmpdir(), "sc-main-")),
      CONSOLE_ADMIN_TOKEN: token,
      ALIBABA_CLOUD_ACCESS_KEY_ID: "TESTAKcloudtest01",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "cloud-secret-for-the-test",
      OSS_REGION: "cn-hangzhou",
      // A name and a glob, discovered with ListBuckets across regions (issue 12).
      OSS_BUCKETS: "prod-images,shop-*",
      OSS_ENDPOINT: emulator.endpoint,
      DATABASE_URL: database.url,
    });
    expect(output).toMatch(/applied \d+ migration/);
    expect(output).not.toContain("#token=");
    expect(output).not.toContain(token);
    expect(output).not.toContain("cloud-secret-for-the-test");
    const res = await fetch(`${url}api/buckets`, { headers: { Authorization: `Bearer ${token}` } });
    const bucket = (name: string, region: string) => ({
      name,
      region,
      endpoint: emulator?.endpoint,
      styleCount: 0,
      styleLimit: 50,
    });
    expect(await res.json()).toEqual([
      bucket("prod-images", "cn-hangzhou"),
      bucket("shop-a", "cn-shanghai"),
      bucket("shop-b", "eu-central-1"),
    ]);
    // Every call for shop-b goes to OSS_ENDPOINT, signed for eu-central-1 (the emulator checks).
    const styles = await fetch(`${url}api/buckets/shop-b/styles`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(styles.status).toBe(200);
  }, 40_000);

  it("refuses a bad configuration, naming every bad variable, with exit code 2", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: bffDir,
      env: { PATH: process.env.PATH ?? "", PORT: "99999", OSS_BUCKETS: "x" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.push(child);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).toMatch(/OSS_BUCKETS/);
  }, 40_000);
});
