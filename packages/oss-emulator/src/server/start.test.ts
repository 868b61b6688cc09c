import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, signedRequest, startTestEmulator, type TestEmulator } from "../testing/raw.ts";
import { resolveOptions } from "./options.ts";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.dispose());

function rawSocket(payload: string): Promise<string> {
  const url = new URL(emu.endpoint);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(payload));
    let data = "";
    socket.on("data", (chunk) => {
      data += chunk.toString();
    });
    socket.on("close", () => resolve(data));
    socket.on("error", () => resolve(data));
  });
}

describe("the server", () => {
  it("answers unparseable HTTP and oversized headers as OSS errors with a request id", async () => {
    const garbage = await rawSocket("GARBAGE\r\n\r\n");
    expect(garbage).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(garbage).toMatch(/x-oss-request-id: [0-9A-F]{24}/);
    expect(garbage).toContain("<Code>InvalidArgument</Code>");
    const big = await rawSocket(`GET / HTTP/1.1\r\nHost: h\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
  });

  it("refuses what it does not implement with 501 or 405, never a wrong success", async () => {
    const service = await signedRequest(emu.endpoint, { method: "PUT" });
    expect(service.status).toBe(405);
    const tagged = await signedRequest(emu.endpoint, { method: "GET", query: [["tag-key", "env"]] });
    expect(tagged.status).toBe(501);
    const acl = await signedRequest(emu.endpoint, { method: "GET", bucket: "photos", query: [["acl", ""]] });
    expect(acl.status).toBe(501);
    expect(errorOf(acl).Message).toContain("acl");
    const post = await signedRequest(emu.endpoint, { method: "POST", bucket: "photos", key: "k" });
    expect(post.status).toBe(405);
    const copy = await signedRequest(emu.endpoint, {
      method: "PUT",
      bucket: "photos",
      key: "k",
      headers: { "x-oss-copy-source": "/photos/a" },
    });
    expect(copy.status).toBe(501);
    const badBucket = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "Bad_Bucket",
      query: [["style", ""]],
    });
    expect(badBucket.status).toBe(400);
    expect(errorOf(badBucket).Code).toBe("InvalidBucketName");
  });
});

describe("the server's clock", () => {
  it("drives the Date header, so a client can correct its skew from a RequestTimeTooSkewed answer", async () => {
    const ahead = 20 * 60_000;
    const shifted = await startTestEmulator({ clock: () => new Date(Date.now() + ahead) });
    try {
      const skewed = await signedRequest(shifted.endpoint, {
        method: "GET",
        bucket: "photos",
        query: [["style", ""]],
      });
      expect(errorOf(skewed).Code).toBe("RequestTimeTooSkewed");
      const serverTime = Date.parse(String(skewed.headers.date));
      expect(Math.abs(serverTime - (Date.now() + ahead))).toBeLessThan(5_000);
      const corrected = await signedRequest(shifted.endpoint, {
        method: "GET",
        bucket: "photos",
        query: [["style", ""]],
        date: new Date(serverTime),
      });
      expect(corrected.status).toBe(200);
    } finally {
      await shifted.dispose();
    }
  });
});

describe("resolveOptions", () => {
  const base = { dataDir: "/tmp/x", accessKeyId: "ak", accessKeySecret: "sk" };
  it("fills the defaults", () => {
    expect(resolveOptions(base)).toMatchObject({
      host: "127.0.0.1",
      port: 0,
      region: "cn-hangzhou",
      styleLimit: 50,
      maxSkewMs: 900_000,
    });
  });
  it("reads the region's oss- form as its region ID (the contract's one region rule)", () => {
    expect(resolveOptions({ ...base, region: "oss-cn-hangzhou" }).region).toBe("cn-hangzhou");
    expect(resolveOptions({ ...base, buckets: ["shop@oss-cn-beijing"] }).buckets).toEqual([
      { name: "shop", region: "cn-beijing" },
    ]);
  });
  it.each([
    [{ port: 70_000 }, /option port: expected an integer 0–65535/],
    [{ region: "CN_Hangzhou" }, /option region/],
    [{ styleLimit: 0 }, /option styleLimit/],
    [{ buckets: ["UPPER"] }, /option buckets/],
    [{ buckets: ["shop@CN_Hangzhou"] }, /option buckets: expected NAME@REGION/],
    [{ buckets: ["shop", "shop@cn-beijing"] }, /option buckets: expected each bucket once/],
    [{ accessKeyId: "has space" }, /option accessKeyId/],
    [{ accessKeySecret: "" }, /option accessKeySecret/],
    [
      { extraCredentials: [{ accessKeyId: "x", accessKeySecret: "" }] },
      /extraCredentials\[0\]\.accessKeySecret/,
    ],
    [{ faults: { probabilities: { "503": 2 } } }, /probability 0–1/],
  ])("refuses %j", (extra, message) => {
    expect(() => resolveOptions({ ...base, ...extra })).toThrow(message);
  });
});
