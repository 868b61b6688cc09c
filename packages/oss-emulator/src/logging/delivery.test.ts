import { createRequire } from "node:module";
import {
  ACCESS_LOG_FIELDS,
  parseAccessLog,
  parseAccessLogObjectName,
  styleUseOf,
} from "@style-console/oss/access-log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseXml } from "../http/xml.ts";
import { signedRequest, startTestEmulator, type TestEmulator, testCredentials } from "../testing/raw.ts";

// The log objects the emulator writes, checked field by field against the documented format
// (shared/reference/oss-logging-buckets.md §2.1, §2.3) and read back with the console's parser.

// An 8×6 red PNG (as in objects/transfer.test.ts).
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWM4ISeHFTEMpAQAaYgwwXposYcAAAAASUVORK5CYII=",
  "base64",
);

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ buckets: ["photos", "logs"] });
});
afterAll(() => emu.dispose());

const enable = (bucket: string, target: string, prefix: string) =>
  signedRequest(emu.endpoint, {
    method: "PUT",
    bucket,
    query: [["logging", ""]],
    body: `<BucketLoggingStatus><LoggingEnabled><TargetBucket>${target}</TargetBucket><TargetPrefix>${prefix}</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`,
  });

async function readObject(bucket: string, key: string): Promise<string> {
  const res = await signedRequest(emu.endpoint, { method: "GET", bucket, key });
  expect(res.status, res.text).toBe(200);
  return res.text;
}

// Splits a line into its raw tokens the way §2.3 writes them, independently of the parser under test.
const tokens = (line: string) =>
  [...line.matchAll(/\[[^\]]*\]|"(?:\\.|[^"\\])*"(?= |$)|[^ ]+/g)].map((m) => m[0]);

describe("access-log delivery", () => {
  it("writes one object per hour under <prefix><bucket>YYYY-mm-DD-HH-00-00-NNNN, 29 fields a line", async () => {
    expect((await enable("photos", "logs", "access/")).status).toBe(200);
    const put = await signedRequest(emu.endpoint, {
      method: "PUT",
      bucket: "photos",
      key: "cat.png",
      body: png,
      headers: { "User-Agent": 'tester "quoted"/1.0', Referer: "https://example.com/gallery" },
    });
    const style = await signedRequest(emu.endpoint, {
      method: "PUT",
      bucket: "photos",
      query: [
        ["style", ""],
        ["styleName", "small"],
      ],
      body: "<Style><Content>image/resize,w_2/format,png</Content></Style>",
    });
    const styled = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "photos",
      key: "cat.png",
      query: [["x-oss-process", "style/small"]],
    });
    const missing = await signedRequest(emu.endpoint, { method: "GET", bucket: "photos", key: "nope.png" });
    expect([put.status, style.status, styled.status, missing.status]).toEqual([200, 200, 200, 404]);
    const before = Date.now();

    const written = await emu.flushAccessLogs();
    expect(written).toHaveLength(1);
    const key = written[0] as string;
    expect(key).toMatch(/^access\/photos\d{4}-\d{2}-\d{2}-\d{2}-00-00-0000$/);
    const hour = parseAccessLogObjectName(key, "access/", "photos")?.hourStart ?? 0;
    expect(before - hour).toBeLessThan(2 * 3600_000); // this hour, or the last if the hour just turned

    const text = await readObject("logs", key);
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.trimEnd().split("\n");
    // The PutBucketLogging call that turned logging on is logged too (as PutBucketLog, §2.7 line 5).
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      const raw = tokens(line);
      expect(raw).toHaveLength(29);
      raw.forEach((token, i) => {
        const spec = ACCESS_LOG_FIELDS[i];
        if (spec?.encoding === "quoted") expect(token, spec.name).toMatch(/^".*"$/);
        else if (spec?.encoding === "bracketed")
          expect(token).toMatch(/^\[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0800\]$/);
        else expect(token, spec?.name).toMatch(/^[^"[\]]+$/);
      });
      expect(raw[1]).toBe("-");
      expect(raw[2]).toBe("-");
    }

    const { records, malformed } = parseAccessLog(text);
    expect(malformed).toEqual([]);
    const [l, p, s, g, m] = records;
    expect(l).toMatchObject({
      Operation: "PutBucketLog",
      RequestURL: "PUT /photos/?logging HTTP/1.1",
      ObjectName: null,
    });
    expect(p).toMatchObject({
      RemoteIP: "127.0.0.1",
      RequestURL: "PUT /photos/cat.png HTTP/1.1",
      HTTPStatus: 200,
      SentBytes: 0,
      Referer: "https://example.com/gallery",
      UserAgent: 'tester "quoted"/1.0',
      HostName: new URL(emu.endpoint).host,
      RequestID: put.headers["x-oss-request-id"],
      LoggingFlag: "true",
      Operation: "PutObject",
      BucketName: "photos",
      ObjectName: "cat.png",
      ObjectSize: png.length,
      DeltaDataSize: png.length,
      ErrorCode: null,
      StorageClass: "Standard",
      AccessKeyID: testCredentials.accessKeyId,
      SyncRequest: null,
      TargetStorageClass: null,
      TransmissionAccelerationAccessPoint: null,
    });
    expect(p?.RequestLength).toBeGreaterThan(png.length);
    expect(p?.UserID).toMatch(/^\d{16}$/);
    expect(p?.BucketARN).toBe(`acs:oss:cn-hangzhou:${p?.UserID}:photos`);
    expect(s).toMatchObject({ Operation: "put_style", ObjectName: null, ObjectSize: null, HTTPStatus: 200 });
    expect(g).toMatchObject({
      Operation: "GetObject",
      HTTPStatus: 200,
      SentBytes: styled.body.length,
      RequestID: styled.headers["x-oss-request-id"],
    });
    expect(g?.RequestURL).toMatch(/^GET \/photos\/cat\.png\?x-oss-process=style%2Fsmall HTTP\/1\.1$/);
    expect(styleUseOf(g?.RequestURL ?? "", [])).toEqual({ name: "small", form: "process" });
    expect(m).toMatchObject({
      HTTPStatus: 404,
      ErrorCode: "NoSuchKey",
      ObjectName: "nope.png",
      StorageClass: null,
    });
    for (const r of records) {
      expect(r.Time).toBeGreaterThan(before - 60_000);
      expect(r.Time).toBeLessThanOrEqual(before);
      expect(r.RequestTime).toBeGreaterThanOrEqual(0);
    }
  });

  it("a second delivery in the same hour takes the next suffix; buckets without logging write nothing", async () => {
    await signedRequest(emu.endpoint, { method: "GET", bucket: "photos", key: "cat.png" });
    await signedRequest(emu.endpoint, { method: "GET", bucket: "logs", key: "whatever" });
    const written = await emu.flushAccessLogs();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^access\/photos.*-000[1-9]$|^access\/photos.*-0000$/);
    const list = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "logs",
      query: [["prefix", "access/"]],
    });
    const keys = JSON.stringify(parseXml(list.text));
    expect(keys).not.toContain("access/logs");
    expect(await emu.flushAccessLogs()).toEqual([]);
  });

  it("stops writing when logging is deleted", async () => {
    await signedRequest(emu.endpoint, { method: "DELETE", bucket: "photos", query: [["logging", ""]] });
    await signedRequest(emu.endpoint, { method: "GET", bucket: "photos", key: "cat.png" });
    expect(await emu.flushAccessLogs()).toEqual([]);
  });

  it("delivers on its own every --access-log-interval seconds", async () => {
    const timed = await startTestEmulator({ buckets: ["photos"], accessLogIntervalSeconds: 1 });
    try {
      await signedRequest(timed.endpoint, {
        method: "PUT",
        bucket: "photos",
        query: [["logging", ""]],
        body: "<BucketLoggingStatus><LoggingEnabled><TargetBucket>photos</TargetBucket><TargetPrefix>log/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>",
      });
      await signedRequest(timed.endpoint, { method: "GET", bucket: "photos", key: "x" });
      let found = "";
      for (let i = 0; i < 40 && !found; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const list = await signedRequest(timed.endpoint, {
          method: "GET",
          bucket: "photos",
          query: [["prefix", "log/"]],
        });
        found = /<Key>(log\/photos[^<]+)<\/Key>/.exec(list.text)?.[1] ?? "";
      }
      expect(found).toMatch(/^log\/photos\d{4}-\d{2}-\d{2}-\d{2}-00-00-0000$/);
    } finally {
      await timed.dispose();
    }
  });
});

describe("an independent client (ali-oss)", () => {
  interface AliClient {
    putBucketLogging(name: string, prefix?: string): Promise<{ res: { status: number } }>;
    getBucketLogging(name: string): Promise<{ enable: boolean; prefix: string | null }>;
    deleteBucketLogging(name: string): Promise<{ res: { status: number } }>;
    put(name: string, content: Buffer): Promise<unknown>;
    signatureUrlV4(
      method: string,
      expires: number,
      request: object | undefined,
      objectName: string,
    ): Promise<string>;
  }
  const require = createRequire(import.meta.url);
  const OSS = require("ali-oss") as new (options: Record<string, unknown>) => AliClient;

  it("turns logging on and off; its presigned style URL is logged and recognised", async () => {
    const client = new OSS({
      region: "oss-cn-hangzhou",
      accessKeyId: testCredentials.accessKeyId,
      accessKeySecret: testCredentials.accessKeySecret,
      bucket: "photos",
      endpoint: emu.endpoint,
      sldEnable: true,
      authorizationV4: true,
    });
    expect((await client.putBucketLogging("photos", "ali/")).res.status).toBe(200);
    expect(await client.getBucketLogging("photos")).toMatchObject({ enable: true, prefix: "ali/" });
    await client.put("dog.png", png);
    const url = await client.signatureUrlV4(
      "GET",
      600,
      { queries: { "x-oss-process": "style/small" } },
      "dog.png",
    );
    const res = await fetch(url);
    expect(res.status, await res.clone().text()).toBe(200);
    const written = await emu.flushAccessLogs();
    const key = written.find((k) => k.startsWith("ali/photos")) ?? "";
    const { records } = parseAccessLog(await readObject("photos", key));
    const styled = records.filter((r) => styleUseOf(r.RequestURL, [])?.name === "small");
    expect(styled).toHaveLength(1);
    expect(styled[0]).toMatchObject({
      HTTPStatus: 200,
      AccessKeyID: testCredentials.accessKeyId,
      Operation: "GetObject",
    });
    expect((await client.deleteBucketLogging("photos")).res.status).toBe(204);
    expect(await client.getBucketLogging("photos")).toMatchObject({ enable: false });
  });
});
