import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import rootPackage from "../../../package.json" with { type: "json" };
import { type AppOptions, createApp as createFullApp } from "./app.ts";
import { createApiDeps } from "./compose.ts";
import { type DatabaseHandle, openDatabase } from "./db/database.ts";
import { Readiness } from "./db/readiness.ts";
import { replicaId } from "./fleet/replica-id.ts";
import { createTestDatabase, type TestDatabase } from "./testing/postgres.ts";

// These tests need no bucket: the style routes are tested against a real emulator in their own files.
// One database serves them all.
let database: DatabaseHandle | undefined;
let testDb: TestDatabase | undefined;
const readiness = new Readiness();
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

async function createApp(options: Omit<AppOptions, "api"> = {}) {
  if (!database) {
    testDb = await createTestDatabase();
    database = await openDatabase({ url: testDb.url, poolSize: 2 });
  }
  const dir = mkdtempSync(join(tmpdir(), "sc-bff-"));
  const logger = { info: () => {}, error: () => {} };
  const adminToken = "test-admin-token-0123456789";
  const api = createApiDeps({
    adminToken,
    sessionTtlMs: 60_000,
    buckets: [],
    database,
    fleet: { replicaId: replicaId(dir), sweepMs: 0 },
    readiness,
    logger,
    preview: { samplesDir: join(dir, "no-samples"), uploadsDir: join(dir, "uploads") },
  });
  await api.people.ensureBootstrap();
  return createFullApp({ ...options, api });
}

describe("GET /api/health", () => {
  it("answers ok with the product's version", async () => {
    const res = await (await createApp()).request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", version: rootPackage.version });
  });
});

describe("unknown API routes", () => {
  it("are a JSON 404, never the SPA's HTML", async () => {
    const dist = mkdtempSync(join(tmpdir(), "sc-web-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>x</title>");
    const res = await (await createApp({ webDist: dist })).request("/api/nope", {
      headers: { Authorization: "Bearer test-admin-token-0123456789" },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "NotFound", message: "No API route /api/nope" } });
  });
});

describe("the SPA", () => {
  it("serves index.html for client-side routes", async () => {
    const dist = mkdtempSync(join(tmpdir(), "sc-web-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Style Console</title>");
    const res = await (await createApp({ webDist: dist })).request("/buckets/demo/styles");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>Style Console</title>");
  });

  it("says how to build it when it is missing", async () => {
    const res = await (await createApp({ webDist: join(tmpdir(), "no-such-dist") })).request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("pnpm build");
  });
});
