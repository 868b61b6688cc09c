import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createOssClient, type OssClient } from "@style-console/oss";
import {
  type AccessLogRecord,
  accessLogObjectName,
  serializeAccessLogRecord,
} from "@style-console/oss/access-log";
import { type RunningEmulator, startEmulator } from "@style-console/oss-emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LogSource, ossLogSource } from "../buckets/oss-bucket-logs.ts";
import { signedParts, startQuotingProxy } from "../testing/quoting-proxy.ts";
import { type ScannerDeps, scanBucket } from "./scanner.ts";
import { createUsageTestDatabase, type UsageTestDatabase } from "./testing.ts";
import { styleUsage } from "./usage-query.ts";

// The scanner against the real emulator (which writes the access logs) and a real PostgreSQL.

const credentials = { accessKeyId: "usage-ak", accessKeySecret: "usage-secret" };
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWM4ISeHFTEMpAQAaYgwwXposYcAAAAASUVORK5CYII=",
  "base64",
);

let dataDir: string;
let emu: RunningEmulator;
let client: OssClient;
let t: UsageTestDatabase;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "usage-scan-"));
  emu = await startEmulator({
    dataDir,
    ...credentials,
    buckets: ["photos", "logs"],
    accessLogIntervalSeconds: 3600,
  });
  client = createOssClient({ region: "cn-hangzhou", endpoint: emu.endpoint, credentials, retry: false });
  await client.putObject("cat.png", png, { bucket: "photos" });
  await client.putStyle("small", "image/resize,w_2/format,png", { bucket: "photos" });
  await client.putStyle("unused", "image/resize,w_3", { bucket: "photos" });
});
afterAll(async () => {
  await emu.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  t = await createUsageTestDatabase();
  await client.putBucketLogging({ targetBucket: "logs", targetPrefix: "access/" }, { bucket: "photos" });
});
afterEach(async () => {
  await client.deleteBucketLogging({ bucket: "photos" });
  for (const o of (await client.listObjects({ bucket: "logs" })).objects)
    await client.deleteObject(o.key, { bucket: "logs" });
  await t.drop();
});

function deps(overrides: Partial<ScannerDeps> = {}): ScannerDeps {
  return {
    db: t.db,
    source: ossLogSource(client, []),
    locks: t.locks,
    styleNames: async () => ["small", "unused"],
    ...overrides,
  };
}

const usageOf = async (name: string) =>
  (await styleUsage(t.db, "photos", [name], { now: Date.now(), days: 30 }))[0];

function record(overrides: Partial<AccessLogRecord>): AccessLogRecord {
  return {
    RemoteIP: "203.0.113.10",
    Time: Date.now() - 3600_000,
    RequestURL: "GET /cat.png?x-oss-process=style/small HTTP/1.1",
    HTTPStatus: 200,
    SentBytes: 100,
    RequestTime: 5,
    Referer: null,
    UserAgent: "curl/8",
    HostName: "photos.oss-cn-hangzhou.aliyuncs.com",
    RequestID: "6929E5C6A1B2C3D4E5F60718",
    LoggingFlag: "true",
    RequesterAliyunID: null,
    Operation: "GetObject",
    BucketName: "photos",
    ObjectName: "cat.png",
    ObjectSize: 1000,
    ServerCostTime: 3,
    ErrorCode: null,
    RequestLength: 300,
    UserID: "1234567890123456",
    DeltaDataSize: null,
    SyncRequest: null,
    StorageClass: "Standard",
    TargetStorageClass: null,
    TransmissionAccelerationAccessPoint: null,
    AccessKeyID: null,
    BucketARN: null,
    extra: [],
    ...overrides,
  };
}

/** Writes a log object as OSS would deliver it, `hoursAgo` hours back, with `lines`. */
async function deliver(hoursAgo: number, lines: string[], unique = 0): Promise<string> {
  const key = accessLogObjectName("access/", "photos", Date.now() - hoursAgo * 3600_000, unique);
  await client.putObject(key, `${lines.join("\n")}\n`, { bucket: "logs" });
  return key;
}

describe("a style request through a presigned URL from an independent client", () => {
  it("shows up in that style's usage after a scan", async () => {
    const require = createRequire(import.meta.url);
    const OSS = require("ali-oss") as new (
      o: Record<string, unknown>,
    ) => { signatureUrlV4(m: string, e: number, r: object, k: string): Promise<string> };
    const ali = new OSS({
      region: "oss-cn-hangzhou",
      ...credentials,
      bucket: "photos",
      endpoint: emu.endpoint,
      sldEnable: true,
      authorizationV4: true,
    });
    for (let i = 0; i < 3; i++) {
      const url = await ali.signatureUrlV4(
        "GET",
        600,
        { queries: { "x-oss-process": "style/small" } },
        "cat.png",
      );
      expect((await fetch(url)).status).toBe(200);
    }
    await fetch(await client.presignGetObject("cat.png", { bucket: "photos", process: "style/nosuch" }));
    expect(await usageOf("small")).toMatchObject({ requests30d: 0, lastUsed: null });
    await emu.flushAccessLogs();

    const result = await scanBucket(deps(), "photos");
    expect(result).toMatchObject({
      loggingEnabled: true,
      objects: 1,
      malformed: 0,
      styleRequests: 4,
      missing: [],
    });
    const small = await usageOf("small");
    expect(small?.requests30d).toBe(3);
    expect(small?.errors30d).toBe(0);
    expect(small?.bytes30d).toBeGreaterThan(0);
    expect(Date.parse(small?.lastUsed ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(small?.daily.at(-1)?.requests).toBe(3);
    expect(await usageOf("nosuch")).toMatchObject({ requests30d: 1, errors30d: 1 });
    expect(await usageOf("unused")).toMatchObject({ requests30d: 0, lastUsed: null });
    expect(result.scannedThrough).toBe(small?.lastUsed);
  });
});

describe("a style request through the bucket's custom delimiters", () => {
  afterEach(async () => {
    await client.putProcessConfiguration({ styleDelimiters: [] }, { bucket: "photos" });
  });

  it("counts photo.png!small and photo.png-small for style small, read from the bucket's configuration", async () => {
    await client.putProcessConfiguration({ styleDelimiters: ["!", "-"] }, { bucket: "photos" });
    // Through the emulator for real: it serves these URLs as the style and logs the raw request line.
    for (const key of ["cat.png!small", "cat.png-small", "cat.png-small"]) {
      const res = await fetch(await client.presignGetObject(key, { bucket: "photos" }));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
    }
    // The same key with a delimiter that is not configured is a plain (missing) object, no style use.
    expect((await fetch(await client.presignGetObject("cat.png_small", { bucket: "photos" }))).status).toBe(
      404,
    );
    await emu.flushAccessLogs();

    const result = await scanBucket(deps(), "photos");
    expect(result).toMatchObject({ objects: 1, malformed: 0, styleRequests: 3 });
    expect(await usageOf("small")).toMatchObject({ requests30d: 3, errors30d: 0 });
  });

  it("still counts the other forms, and says so, when the delimiters cannot be read", async () => {
    await deliver(1, [
      serializeAccessLogRecord(record({})),
      serializeAccessLogRecord(record({ RequestURL: "GET /cat.png!small HTTP/1.1" })),
    ]);
    // GetProcessConfiguration goes through a gateway that refuses it, quoting the signed request.
    const proxy = await startQuotingProxy();
    try {
      const gated = createOssClient({
        region: "cn-hangzhou",
        endpoint: proxy.endpoint,
        credentials,
        retry: false,
      });
      const source: LogSource = {
        ...ossLogSource(client, []),
        styleDelimiters: ossLogSource(gated, [credentials.accessKeySecret]).styleDelimiters,
      };
      const result = await scanBucket(deps({ source }), "photos");
      expect(result).toMatchObject({ objects: 1, lines: 2, styleRequests: 1 });
      expect(result.warnings).toEqual([{ kind: "delimiters-unreadable", detail: expect.any(String) }]);
      const detail = result.warnings[0]?.detail ?? "";
      // What helps: OSS's code, its words, the request id to quote to support.
      expect(detail).toMatch(/AccessDenied/);
      expect(detail).toMatch(/Access denied by gateway policy/);
      expect(detail).toContain(proxy.requestId);
      // What must not be shown: the signed request's signature, credential scope and query string.
      expect(signedParts(proxy).length).toBeGreaterThan(0);
      for (const part of signedParts(proxy)) expect(detail).not.toContain(part);
      expect(detail).not.toContain(credentials.accessKeyId);
      expect(detail).not.toMatch(/x-oss-signature=[^[]|processConfiguration&/);
    } finally {
      await proxy.close();
    }
  });

  it("shows a failure that is not an OSS one only by its kind, never by its text", async () => {
    await deliver(1, [serializeAccessLogRecord(record({}))]);
    const source: LogSource = {
      ...ossLogSource(client, []),
      styleDelimiters: async () => {
        throw new Error("GET https://photos.oss.example/?processConfiguration&x-oss-signature=abc123 failed");
      },
    };
    const logged: string[] = [];
    const result = await scanBucket(deps({ source, log: (line) => logged.push(line) }), "photos");
    const detail = result.warnings[0]?.detail ?? "";
    expect(detail).toBe('An unexpected Error for bucket "photos" (its text is in the server log).');
    // The server log has what happened, still without the signed query.
    expect(logged).toEqual([
      "usage scan photos: delimiters unreadable: Error: GET https://photos.oss.example/ failed",
    ]);
  });

  it("ignores the delimiters while CompliedHost is Img (they then work on the IMG domain only)", async () => {
    await client.putProcessConfiguration(
      { styleDelimiters: ["!"], compliedHost: "Img" },
      { bucket: "photos" },
    );
    expect(await ossLogSource(client, []).styleDelimiters("photos")).toEqual([]);
    await client.putProcessConfiguration({ styleDelimiters: ["!"] }, { bucket: "photos" });
    expect(await ossLogSource(client, []).styleDelimiters("photos")).toEqual(["!"]);
  });
});

describe("incremental and idempotent", () => {
  it("a second scan, or a scan by a restarted console, reads nothing again", async () => {
    await deliver(2, [serializeAccessLogRecord(record({}))]);
    expect((await scanBucket(deps(), "photos")).objects).toBe(1);
    expect((await scanBucket(deps(), "photos")).objects).toBe(0);
    const restarted = await t.replica();
    try {
      expect((await scanBucket(deps({ db: restarted.db, locks: restarted.locks }), "photos")).objects).toBe(
        0,
      );
    } finally {
      await restarted.close();
    }
    await deliver(1, [serializeAccessLogRecord(record({})), serializeAccessLogRecord(record({}))]);
    expect((await scanBucket(deps(), "photos")).objects).toBe(1);
    expect((await usageOf("small"))?.requests30d).toBe(3);
  });

  it("picks up a late object for an hour before the newest one read (delivery within 48 h)", async () => {
    await deliver(1, [serializeAccessLogRecord(record({}))]);
    await scanBucket(deps(), "photos");
    await deliver(20, [serializeAccessLogRecord(record({ Time: Date.now() - 20 * 3600_000 }))]);
    expect((await scanBucket(deps(), "photos")).objects).toBe(1);
    expect((await usageOf("small"))?.requests30d).toBe(2);
  });

  it("says so when logging is off, and reads nothing", async () => {
    await client.deleteBucketLogging({ bucket: "photos" });
    await deliver(1, [serializeAccessLogRecord(record({}))]);
    expect(await scanBucket(deps(), "photos")).toMatchObject({ loggingEnabled: false, objects: 0 });
  });
});

describe("malformed and truncated lines", () => {
  it("are counted and reported with line and column; the good lines still count, exactly", async () => {
    const good = serializeAccessLogRecord(record({}));
    const key = await deliver(1, [
      good,
      "not a log line at all",
      good.slice(0, 100),
      good,
      good.replace(" 200 100 ", " 2xx 100 "),
      "",
      good.slice(0, good.length - 30),
    ]);
    const result = await scanBucket(deps(), "photos");
    expect(result).toMatchObject({ objects: 1, lines: 6, malformed: 4, styleRequests: 2 });
    expect(result.malformedSamples.map((s) => [s.key, s.line])).toEqual([
      [key, 2],
      [key, 3],
      [key, 5],
      [key, 7],
    ]);
    expect(result.malformedSamples[2]?.message).toMatch(/HTTPStatus/);
    expect(result.malformedSamples[2]?.column).toBe(good.indexOf(" 200 100 ") + 2);
    expect((await usageOf("small"))?.requests30d).toBe(2);
    const stored = await t.db.selectFrom("usage_malformed").selectAll().orderBy("line").execute();
    expect(stored.map((s) => s.line)).toEqual([2, 3, 5, 7]);
  });

  it("a body cut off in the middle of a line reads the whole lines before it", async () => {
    const good = serializeAccessLogRecord(record({}));
    const key = accessLogObjectName("access/", "photos", Date.now() - 3600_000, 0);
    await client.putObject(key, `${good}\n${good}\n${good.slice(0, 57)}`, { bucket: "logs" });
    expect(await scanBucket(deps(), "photos")).toMatchObject({ lines: 3, malformed: 1, styleRequests: 2 });
  });
});

describe("a log object deleted mid-scan", () => {
  it("is reported as missing, never counted, and the rest of the scan is exact", async () => {
    const line = serializeAccessLogRecord(record({}));
    const doomed = await deliver(3, [line, line]);
    await deliver(2, [line]);
    await deliver(1, [line]);
    const real = ossLogSource(client, []);
    // Between the listing and the read, someone (a lifecycle rule) deletes one object.
    const source: LogSource = {
      ...real,
      list: (...args) => real.list(...args),
      read: async (bucket, key, signal) => {
        if (key === doomed) await client.deleteObject(key, { bucket });
        return real.read(bucket, key, signal);
      },
    };
    const result = await scanBucket(deps({ source }), "photos");
    expect(result).toMatchObject({ objects: 2, missing: [doomed], styleRequests: 2 });
    expect((await usageOf("small"))?.requests30d).toBe(2);
    expect((await scanBucket(deps(), "photos")).objects).toBe(0);
  });
});

describe("two replicas scanning at once", () => {
  it.each([
    ["with the cross-replica lock", true],
    ["even without it (each object is one transaction)", false],
  ])("counts stay exact %s", async (_name, locked) => {
    const line = serializeAccessLogRecord(record({}));
    for (let h = 1; h <= 6; h++)
      await deliver(
        h,
        Array.from({ length: h }, () => line),
      );
    const replicas = [await t.replica(), await t.replica()];
    try {
      const passthrough = { run: <T>(_s: string, _k: string, task: () => Promise<T>) => task() };
      const results = await Promise.all(
        replicas.map((r) => scanBucket(deps({ db: r.db, locks: locked ? r.locks : passthrough }), "photos")),
      );
      expect(results.reduce((n, r) => n + r.objects, 0)).toBe(6);
      expect(results.reduce((n, r) => n + r.styleRequests, 0)).toBe(21);
      if (locked) expect(results.map((r) => r.objects).sort()).toEqual([0, 6]);
      expect((await usageOf("small"))?.requests30d).toBe(21);
      const rows = await t.db.selectFrom("usage_log_objects").select("key").execute();
      expect(rows).toHaveLength(6);
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
    }
  });
});
