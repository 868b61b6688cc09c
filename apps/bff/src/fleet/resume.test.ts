import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createOssClient } from "@style-console/oss";
import { type RunningEmulator, startEmulator } from "@style-console/oss-emulator";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";
import type { FleetJobDto } from "./fleet-routes.ts";

// Issue 12: a copy SIGKILLed in the middle of its apply resumes after a restart; nothing is written
// twice, nothing skipped. The console runs as its real entry point (a child process, cloud mode) against
// an emulator in this process, which logs every request that reaches "OSS". The job lives in the
// database: the embedded PGlite under DATA_DIR, and a PostgreSQL shared by replicas (DATABASE_URL).

const bffDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const token = "resume-test-admin-token-0123";
const key = { accessKeyId: "TESTAKresume0001", accessKeySecret: "resume-secret-for-the-test" };
const children: ChildProcess[] = [];
const dirs: string[] = [];
const emulators: RunningEmulator[] = [];
const databases: TestDatabase[] = [];

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  for (const emulator of emulators) await emulator.close();
  for (const database of databases) await database.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sc-fleet-${label}-`));
  dirs.push(dir);
  return dir;
}

function startConsole(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: bffDir,
    env: { PATH: process.env.PATH ?? "", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready at (http:\/\/\S+\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

describe.each(["pglite", "postgres"] as const)("a fleet copy killed mid-apply (%s)", (engine) => {
  it("resumes after a restart: every style copied once, none twice, none skipped, each audited once", async () => {
    const requests: string[] = [];
    const database = engine === "postgres" ? await createTestDatabase() : undefined;
    if (database) databases.push(database);
    const emulator = await startEmulator({
      dataDir: tempDir("oss"),
      ...key,
      buckets: ["src-bucket", "dst-one@eu-central-1", "dst-two@cn-shanghai"],
      faults: { latencyMs: 15 },
      log: (line) => requests.push(line),
    });
    emulators.push(emulator);
    const regions = new Map(emulator.buckets.map((b) => [b.name, b.region]));
    const oss = createOssClient({
      region: "cn-hangzhou",
      endpoint: emulator.endpoint,
      credentials: key,
      bucketRegion: (b) => regions.get(b),
    });
    const names = Array.from({ length: 40 }, (_, i) => `style-${String(i).padStart(2, "0")}`);
    for (const name of names)
      await oss.putStyle(name, `image/resize,w_${100 + names.indexOf(name)}`, { bucket: "src-bucket" });

    const env = {
      DATA_DIR: tempDir("data"),
      CONSOLE_ADMIN_TOKEN: token,
      ALIBABA_CLOUD_ACCESS_KEY_ID: key.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.accessKeySecret,
      OSS_REGION: "cn-hangzhou",
      OSS_BUCKETS: "src-bucket,dst-*",
      OSS_ENDPOINT: emulator.endpoint,
      OSS_QPS: "25",
      ...(database ? { DATABASE_URL: database.url } : {}),
    };
    const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    const first = await startConsole(env);
    const plan = (await (
      await fetch(`${first.url}api/fleet/copy/plan`, {
        method: "POST",
        headers,
        body: JSON.stringify({ source: "src-bucket", targets: ["dst-one", "dst-two"] }),
      })
    ).json()) as FleetJobDto;
    expect(plan.items).toHaveLength(80);
    const before = requests.length;
    await fetch(`${first.url}api/fleet/jobs/${plan.id}/apply`, { method: "POST", headers });
    // Kill while about a third has been written (25/s, 80 writes).
    for (;;) {
      const job = (await (
        await fetch(`${first.url}api/fleet/jobs/${plan.id}`, { headers })
      ).json()) as FleetJobDto;
      if (job.progress.done >= 25) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    const putsAtKill = requests.slice(before).filter((l) => l.startsWith("PUT ")).length;
    expect(putsAtKill).toBeGreaterThan(20);
    expect(putsAtKill).toBeLessThan(80);

    const second = await startConsole(env);
    let job: FleetJobDto;
    for (;;) {
      job = (await (
        await fetch(`${second.url}api/fleet/jobs/${plan.id}`, { headers })
      ).json()) as FleetJobDto;
      if (job.state !== "running") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job.state).toBe("done");
    // The job lived in the database (PGlite under DATA_DIR/db, or the PostgreSQL), not in job files.
    expect(existsSync(join(env.DATA_DIR, "fleet"))).toBe(false);
    expect(job.items.every((i) => i.status === "applied")).toBe(true);
    // Nothing skipped: both targets hold every style with the source's content.
    for (const target of ["dst-one", "dst-two"]) {
      const styles = await oss.listStyles({ bucket: target });
      expect(styles.map((s) => s.name).sort()).toEqual(names);
      for (const s of styles) expect(s.content).toBe(`image/resize,w_${100 + names.indexOf(s.name)}`);
    }
    // Nothing written twice: exactly one PutStyle per planned write reached OSS, across both runs.
    const puts = requests.slice(before).filter((l) => l.startsWith("PUT "));
    expect(puts.filter((l) => l.startsWith("PUT /dst-one/ 200"))).toHaveLength(40);
    expect(puts.filter((l) => l.startsWith("PUT /dst-two/ 200"))).toHaveLength(40);
    // And each write has exactly one applied audit record of source copy (the one interrupted by the
    // kill was begun ahead and settled as reconciled at the restart).
    const audit = (await (await fetch(`${second.url}api/audit?limit=200`, { headers })).json()) as {
      entries: Array<{ source?: string; bucket: string; style: string }>;
    };
    const copies = audit.entries.filter((e) => e.source === "copy");
    expect(copies).toHaveLength(80);
    expect(new Set(copies.map((e) => `${e.bucket}/${e.style}`)).size).toBe(80);
  }, 180_000);
});
