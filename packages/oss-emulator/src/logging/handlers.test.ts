import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseXml } from "../http/xml.ts";
import { errorOf, signedRequest, startTestEmulator, type TestEmulator } from "../testing/raw.ts";

// PutBucketLogging / GetBucketLogging / DeleteBucketLogging over loopback HTTP, with the bodies each SDK
// sends (shared/reference/oss-logging-buckets.md §1.2, "What real clients put on the wire").

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ buckets: ["photos", "logs"] });
});
afterAll(() => emu.dispose());

const md5 = (text: string) => createHash("md5").update(text).digest("base64");
const putLogging = (body: string, headers: Record<string, string> = {}, bucket = "photos") =>
  signedRequest(emu.endpoint, { method: "PUT", bucket, query: [["logging", ""]], body, headers });
const getLogging = async (bucket = "photos") => {
  const res = await signedRequest(emu.endpoint, { method: "GET", bucket, query: [["logging", ""]] });
  expect(res.status, res.text).toBe(200);
  expect(res.headers["content-type"]).toBe("application/xml");
  return parseXml(res.text)?.BucketLoggingStatus;
};

describe("PutBucketLogging accepts what every SDK sends", () => {
  it.each([
    [
      "GO2/PY2: no declaration, LoggingRole, Content-MD5",
      "<BucketLoggingStatus><LoggingEnabled><TargetBucket>logs</TargetBucket><TargetPrefix>photos/</TargetPrefix><LoggingRole>AliyunOSSLoggingDefaultRole</LoggingRole></LoggingEnabled></BucketLoggingStatus>",
      "application/xml",
      { TargetBucket: "logs", TargetPrefix: "photos/", LoggingRole: "AliyunOSSLoggingDefaultRole" },
    ],
    [
      "GO1: empty TargetPrefix, text/xml",
      "<BucketLoggingStatus><LoggingEnabled><TargetBucket>logs</TargetBucket><TargetPrefix></TargetPrefix></LoggingEnabled></BucketLoggingStatus>",
      "text/xml; charset=utf-8",
      { TargetBucket: "logs", TargetPrefix: "" },
    ],
    [
      "Java v1: no TargetPrefix",
      "<BucketLoggingStatus><LoggingEnabled><TargetBucket>logs</TargetBucket></LoggingEnabled></BucketLoggingStatus>",
      undefined,
      { TargetBucket: "logs", TargetPrefix: "" },
    ],
    [
      "ali-oss: declaration, newlines, the source bucket as target, a non-ASCII prefix with +",
      '<?xml version="1.0" encoding="UTF-8"?>\n<BucketLoggingStatus>\n<LoggingEnabled>\n<TargetBucket>photos</TargetBucket>\n<TargetPrefix>日志+/</TargetPrefix>\n</LoggingEnabled>\n</BucketLoggingStatus>',
      "application/xml",
      { TargetBucket: "photos", TargetPrefix: "日志+/" },
    ],
  ])("%s", async (_name, body, contentType, expected) => {
    const headers: Record<string, string> = { "Content-MD5": md5(body) };
    if (contentType) headers["Content-Type"] = contentType;
    const res = await putLogging(body, headers);
    expect(res.status, res.text).toBe(200);
    expect(res.headers["content-length"]).toBe("0");
    expect(res.headers["x-oss-request-id"]).toMatch(/^[0-9A-F]{24}$/);
    expect(await getLogging()).toEqual({ LoggingEnabled: expected });
  });
});

describe("turning logging off", () => {
  it("PUT without LoggingEnabled disables (200); GET then answers the empty root", async () => {
    await putLogging(
      "<BucketLoggingStatus><LoggingEnabled><TargetBucket>logs</TargetBucket></LoggingEnabled></BucketLoggingStatus>",
    );
    const res = await putLogging("<BucketLoggingStatus></BucketLoggingStatus>");
    expect(res.status).toBe(200);
    expect(await getLogging()).toBe("");
  });

  it("DELETE answers 204, also when logging was never on (idempotent)", async () => {
    await putLogging(
      "<BucketLoggingStatus><LoggingEnabled><TargetBucket>logs</TargetBucket></LoggingEnabled></BucketLoggingStatus>",
    );
    for (let i = 0; i < 2; i++) {
      const res = await signedRequest(emu.endpoint, {
        method: "DELETE",
        bucket: "photos",
        query: [["logging", ""]],
      });
      expect(res.status).toBe(204);
      expect(res.body.length).toBe(0);
    }
    expect(await getLogging()).toBe("");
    expect(await getLogging("logs")).toBe("");
  });
});

describe("errors as OSS documents them", () => {
  const enable = (target: string) =>
    `<BucketLoggingStatus><LoggingEnabled><TargetBucket>${target}</TargetBucket></LoggingEnabled></BucketLoggingStatus>`;
  it.each([
    ["a target bucket that does not exist", enable("nosuch"), {}, 400, "InvalidTargetBucketForLogging"],
    ["a body that is not XML", "logging please", {}, 400, "MalformedXML"],
    ["another root element", "<LoggingStatus/>", {}, 400, "MalformedXML"],
    [
      "LoggingEnabled without TargetBucket",
      "<BucketLoggingStatus><LoggingEnabled/></BucketLoggingStatus>",
      {},
      400,
      "MalformedXML",
    ],
    ["two TargetBuckets", enable("logs</TargetBucket><TargetBucket>photos"), {}, 400, "MalformedXML"],
    // The emulator's one Content-MD5 rule: unreadable is InvalidDigest, readable but wrong is BadDigest.
    ["an unreadable Content-MD5", enable("logs"), { "Content-MD5": "nope" }, 400, "InvalidDigest"],
    ["a Content-MD5 of another body", enable("logs"), { "Content-MD5": md5("other") }, 400, "BadDigest"],
    [
      "a prefix too long for a key",
      `<BucketLoggingStatus><LoggingEnabled><TargetBucket>logs</TargetBucket><TargetPrefix>${"p".repeat(1000)}</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`,
      {},
      400,
      "InvalidArgument",
    ],
  ])("%s", async (_name, body, headers, status, code) => {
    const res = await putLogging(body, headers as Record<string, string>);
    expect(res.status, res.text).toBe(status);
    expect(errorOf(res).Code).toBe(code);
  });

  it("NoSuchBucket for a bucket that does not exist, on all three calls", async () => {
    for (const method of ["PUT", "GET", "DELETE"]) {
      const res = await signedRequest(emu.endpoint, {
        method,
        bucket: "nosuch",
        query: [["logging", ""]],
        body: method === "PUT" ? "<BucketLoggingStatus/>" : undefined,
      });
      expect(res.status).toBe(404);
      expect(errorOf(res).Code).toBe("NoSuchBucket");
    }
  });

  it("a failed PUT leaves the previous configuration in place", async () => {
    await putLogging(
      "<BucketLoggingStatus><LoggingEnabled><TargetBucket>logs</TargetBucket><TargetPrefix>keep/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>",
    );
    await putLogging(enable("nosuch"));
    expect(await getLogging()).toEqual({ LoggingEnabled: { TargetBucket: "logs", TargetPrefix: "keep/" } });
  });
});

describe("persistence", () => {
  it("a configuration survives a restart", async () => {
    const first = await startTestEmulator({ buckets: ["photos", "logs"] });
    await signedRequest(first.endpoint, {
      method: "PUT",
      bucket: "photos",
      query: [["logging", ""]],
      body: "<BucketLoggingStatus><LoggingEnabled><TargetBucket>logs</TargetBucket><TargetPrefix>p/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>",
    });
    await first.close();
    const second = await startTestEmulator({ buckets: ["photos", "logs"], dataDir: first.dataDir });
    try {
      const res = await signedRequest(second.endpoint, {
        method: "GET",
        bucket: "photos",
        query: [["logging", ""]],
      });
      expect(parseXml(res.text)?.BucketLoggingStatus).toEqual({
        LoggingEnabled: { TargetBucket: "logs", TargetPrefix: "p/" },
      });
    } finally {
      await second.dispose();
    }
  });
});
