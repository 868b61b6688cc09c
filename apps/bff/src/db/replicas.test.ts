import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuditPageDto, StyleDto } from "@style-console/contract/dto";
import { createOssClient } from "@style-console/oss";
import { type RunningEmulator, startEmulator } from "@style-console/oss-emulator";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBff, type RunningBff, startBff } from "../testing/built-bff.ts";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";

// Two replicas of the real built BFF (node dist/main.js, as `pnpm start` runs it) on one real
// PostgreSQL and one OSS: the emulator started on its own and given to both as their cloud endpoint
// (OSS_ENDPOINT), exactly as two replicas would share real OSS. The database starts empty, so both
// replicas also migrate it at the same moment.
const TOKEN = "replica-admin-token-0123456789";
const KEY = { id: "TESTAKreplicas0001", secret: "replica-secret-0123456789" };
let emulator: RunningEmulator;
let database: TestDatabase;
let a: RunningBff;
let b: RunningBff;

beforeAll(async () => {
  buildBff();
  database = await createTestDatabase({ empty: true });
  emulator = await startEmulator({
    dataDir: mkdtempSync(join(tmpdir(), "sc-replicas-oss-")),
    accessKeyId: KEY.id,
    accessKeySecret: KEY.secret,
    buckets: ["photos", "shared-uploads"],
  });
  const env = (name: string) => ({
    UPLOADS_LOCATION: "oss://shared-uploads/console/previews",
    DATA_DIR: mkdtempSync(join(tmpdir(), `sc-replica-${name}-`)),
    CONSOLE_ADMIN_TOKEN: TOKEN,
    ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.id,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.secret,
    OSS_REGION: "cn-hangzhou",
    OSS_BUCKETS: "photos",
    OSS_ENDPOINT: emulator.endpoint,
    DATABASE_URL: database.url,
  });
  [a, b] = await Promise.all([startBff(env("a")), startBff(env("b"))]);
}, 240_000);

afterAll(async () => {
  for (const replica of [a, b]) {
    replica?.child.kill("SIGTERM");
    await replica?.exited;
  }
  await emulator?.close();
  await database?.drop();
});

const oss = () =>
  createOssClient({
    region: "cn-hangzhou",
    endpoint: emulator.endpoint,
    bucket: "photos",
    credentials: { accessKeyId: KEY.id, accessKeySecret: KEY.secret },
    retry: false,
  });

describe("two replicas on one PostgreSQL", () => {
  it("both are ready, and the schema was migrated once", async () => {
    for (const replica of [a, b]) {
      const res = await fetch(`${replica.url}/api/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "ready", checks: { database: { ready: true } } });
    }
    const migrated = [a, b].filter((r) => /applied \d+ migration/.test(r.output()));
    expect(migrated).toHaveLength(1);
  });

  it("a cookie session made on A works on B, and signing out on B ends it on both", async () => {
    const cookie = await a.signIn(TOKEN);
    for (const replica of [a, b]) {
      const res = await fetch(`${replica.url}/api/buckets`, { headers: replica.headers(cookie) });
      expect(res.status).toBe(200);
    }
    const out = await fetch(`${b.url}/api/session`, { method: "DELETE", headers: b.headers(cookie) });
    expect(out.status).toBe(204);
    for (const replica of [a, b]) {
      const res = await fetch(`${replica.url}/api/buckets`, { headers: replica.headers(cookie) });
      expect(res.status).toBe(401);
    }
  });

  it("an upload made on A previews on B, and is stored once as an object named by its content", async () => {
    const cookie = await a.signIn(TOKEN);
    const bytes = readFileSync(new URL("../../samples/flowers.jpeg", import.meta.url));
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "shared.jpeg");
    const { "Content-Type": _json, ...headers } = a.headers(cookie);
    const uploaded = await fetch(`${a.url}/api/samples`, { method: "POST", headers, body: form });
    expect(uploaded.status).toBe(201);
    const sample = (await uploaded.json()) as { id: string };
    expect(sample.id).toBe(createHash("sha256").update(bytes).digest("hex"));
    const listed = await fetch(`${b.url}/api/samples`, { headers: b.headers(cookie) });
    expect(((await listed.json()) as { samples: Array<{ id: string }> }).samples.map((s) => s.id)).toContain(
      sample.id,
    );
    const process = encodeURIComponent("image/resize,w_50");
    const preview = await fetch(`${b.url}/api/preview?source=sample:${sample.id}&process=${process}`, {
      headers: b.headers(cookie),
    });
    expect(preview.status).toBe(200);
    const rendered = await sharp(Buffer.from(await preview.arrayBuffer())).metadata();
    expect(rendered.width).toBe(50);
    const stored = await oss().getObject(`console/previews/${sample.id}`, { bucket: "shared-uploads" });
    expect(Buffer.from(await new Response(stored.body).arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("50 rounds of concurrent updates from the same version: one 200 and one 409 each, OSS holds the winner, the audit log exactly the winners", async () => {
    const cookieA = await a.signIn(TOKEN);
    const cookieB = await b.signIn(TOKEN);
    const path = "/api/buckets/photos/styles";
    const created = await fetch(`${a.url}${path}`, {
      method: "POST",
      headers: a.headers(cookieA),
      body: JSON.stringify({ name: "contested", content: "image/resize,w_1" }),
    });
    expect(created.status).toBe(201);
    let current = (await created.json()) as StyleDto;
    const winners: string[] = [];
    for (let round = 0; round < 50; round++) {
      const put = (replica: RunningBff, cookie: string, content: string) =>
        fetch(`${replica.url}${path}/contested`, {
          method: "PUT",
          headers: replica.headers(cookie),
          body: JSON.stringify({ content, expectedLastModifyTime: current.lastModifyTime }),
        });
      const contents = [`image/resize,w_${1000 + round}`, `image/resize,w_${2000 + round}`];
      const answers = await Promise.all([
        put(a, cookieA, contents[0] ?? ""),
        put(b, cookieB, contents[1] ?? ""),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = answers.findIndex((r) => r.status === 200);
      current = (await answers[winner]?.json()) as StyleDto;
      expect(current.content).toBe(contents[winner]);
      const loser = (await answers[1 - winner]?.json()) as { error: { code: string } };
      expect(loser.error.code).toBe("StyleChanged");
      expect((await oss().getStyle("contested")).content).toBe(contents[winner]);
      winners.push(current.content);
    }
    const audit = (await (
      await fetch(`${b.url}/api/audit?bucket=photos&style=contested&limit=200`, {
        headers: b.headers(cookieB),
      })
    ).json()) as AuditPageDto;
    const updates = audit.entries.filter((e) => e.action === "update").reverse();
    expect(updates.map((e) => e.after?.content)).toEqual(winners);
    // Each recorded version follows the one before it: nothing was overwritten unseen.
    updates.forEach((entry, i) => {
      const previous = i === 0 ? "image/resize,w_1" : winners[i - 1];
      expect(entry.before?.content).toBe(previous);
      expect(entry.status).toBe("committed");
    });
  }, 400_000);
});
