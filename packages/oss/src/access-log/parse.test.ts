import { describe, expect, it } from "vitest";
import { REFERENCE_LINES as L } from "./cases.ts";
import { parseAccessLog, parseAccessLogLine, parseLogTime } from "./parse.ts";

function ok(line: string) {
  const parsed = parseAccessLogLine(line);
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.error.message} at ${parsed.error.column}`);
  return parsed.record;
}

describe("parseAccessLogLine: the reference's lines (§2.7)", () => {
  it("reads every field of the 29-field line by position", () => {
    expect(ok(L.anonymous)).toEqual({
      RemoteIP: "203.0.113.10",
      Time: Date.UTC(2026, 10, 29, 2, 15, 2),
      RequestURL: "GET /cat.jpg HTTP/1.1",
      HTTPStatus: 200,
      SentBytes: 48213,
      RequestTime: 35,
      Referer: "https://www.example.com/gallery",
      UserAgent: "Mozilla/5.0 (X11; Linux x86_64)",
      HostName: "examplebucket.oss-cn-hangzhou.aliyuncs.com",
      RequestID: "6929E5C6A1B2C3D4E5F60718",
      LoggingFlag: "true",
      RequesterAliyunID: null,
      Operation: "GetObject",
      BucketName: "examplebucket",
      ObjectName: "cat.jpg",
      ObjectSize: 48213,
      ServerCostTime: 12,
      ErrorCode: null,
      RequestLength: 389,
      UserID: "1234567890123456",
      DeltaDataSize: null,
      SyncRequest: null,
      StorageClass: "Standard",
      TargetStorageClass: null,
      TransmissionAccelerationAccessPoint: null,
      AccessKeyID: null,
      BucketARN: "acs:oss:cn-hangzhou:1234567890123456:examplebucket",
      extra: [],
    });
  });

  it.each([
    ["presignedStyle", { HTTPStatus: 200, SentBytes: 9120, AccessKeyID: "LTAI****************" }],
    ["delimiter", { RequestURL: "GET /cat.jpg!small HTTP/1.1", HostName: "img.example.com" }],
    ["missing", { HTTPStatus: 404, ErrorCode: "NoSuchKey", ObjectSize: null }],
    ["bucketLevel", { Operation: "PutBucketLog", ObjectName: null, RequestURL: "PUT /?logging HTTP/1.1" }],
    ["legacy25", { ObjectName: "/aliyun-logo.png", StorageClass: null, AccessKeyID: null, BucketARN: null }],
    [
      "observed28",
      {
        RemoteIP: "2.2.2.2",
        ServerCostTime: null,
        AccessKeyID: "STS.NTj3wVJJGW9NHzrue798inyDt",
        BucketARN: null,
      },
    ],
  ] as const)("%s", (name, expected) => {
    expect(ok(L[name])).toMatchObject(expected);
  });

  it("keeps fields OSS appends after BucketARN, verbatim (§2.2)", () => {
    expect(ok(`${L.anonymous} "new" 42 [x y]`).extra).toEqual(['"new"', "42", "[x y]"]);
  });

  it("accepts \\r\\n line ends and escaped quotes; a quote not followed by a space is literal (§2.5)", () => {
    const ua = L.anonymous.replace('"Mozilla/5.0 (X11; Linux x86_64)"', '"say \\"hi\\" a"b"');
    expect(ok(`${ua}\r`).UserAgent).toBe('say "hi" a"b');
  });
});

describe("parseAccessLogLine: what it refuses, with the column", () => {
  const cases: [string, string, RegExp, number | "end"][] = [
    ["truncated mid-line", L.anonymous.slice(0, 120), /not closed|field/, 0],
    ["cut after 17 fields", L.anonymous.split(" ").slice(0, 24).join(" "), /at least 25/, "end"],
    ["empty", "", /0 field/, 1],
    ["bad time", L.anonymous.replace("29/Nov/2026:10:15:02", "29/Foo/2026:10:15:02"), /field 4 \(Time\)/, 0],
    ["status not a number", L.anonymous.replace(" 200 48213", " OK 48213"), /field 6 \(HTTPStatus\)/, 0],
    [
      "unquoted user agent",
      L.anonymous.replace('"Mozilla/5.0 (X11; Linux x86_64)"', "Mozilla"),
      /field 10/,
      0,
    ],
    ["garbage", "\u0000\u0001 binary ] [ noise", /./, 0],
  ];
  it.each(cases)("%s", (_name, line, message, column) => {
    const parsed = parseAccessLogLine(line);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toMatch(message);
    expect(parsed.error.column).toBeGreaterThanOrEqual(1);
    expect(parsed.error.column).toBeLessThanOrEqual(line.length + 1);
    if (column === "end") expect(parsed.error.column).toBe(line.length + 1);
  });

  it("points at the field that is wrong", () => {
    const line = L.anonymous.replace(" 48213 35 ", " 4x213 35 ");
    const parsed = parseAccessLogLine(line);
    expect(parsed.ok ? -1 : parsed.error.column).toBe(line.indexOf("4x213") + 1);
  });
});

describe("parseAccessLog", () => {
  it("reads good lines, reports bad ones with their line numbers, skips blank lines", () => {
    const text = [L.anonymous, "", "not a log line", L.missing, L.anonymous.slice(0, 60), ""].join("\n");
    const { records, malformed } = parseAccessLog(text);
    expect(records.map((r) => r.HTTPStatus)).toEqual([200, 404]);
    expect(malformed.map((m) => m.line)).toEqual([3, 5]);
    expect(malformed[0]?.excerpt).toBe("not a log line");
  });
});

describe("parseLogTime", () => {
  it.each([
    ["29/Nov/2026:10:15:02 +0800", Date.UTC(2026, 10, 29, 2, 15, 2)],
    ["01/Jan/2027:00:00:00 -0130", Date.UTC(2027, 0, 1, 1, 30)],
    ["31/Feb/2026:00:00:00 +0000", undefined],
    ["29/Nov/2026 10:15:02 +0800", undefined],
  ])("%s", (text, expected) => {
    expect(parseLogTime(text)).toBe(expected);
  });
});

describe("parseLogTime agrees with the shape and the calendar", () => {
  it.each([
    ["29/Feb/2028:23:59:59 +0000", Date.UTC(2028, 1, 29, 23, 59, 59)],
    ["29/Feb/2100:00:00:00 +0000", undefined],
    ["29/Feb/2000:00:00:00 +0000", Date.UTC(2000, 1, 29)],
    ["31/Apr/2026:00:00:00 +0000", undefined],
    ["00/Nov/2026:00:00:00 +0000", undefined],
    ["29/nov/2026:10:15:02 +0800", undefined],
    ["29/Nov/2026:24:00:00 +0800", undefined],
    ["29/Nov/2026:10:60:00 +0800", undefined],
    ["29/Nov/2026:10:15:02 *0800", undefined],
    ["29/Nov/2026:10:15:02 +08x0", undefined],
    ["29/Nov/2026-10:15:02 +0800", undefined],
    ["29/Nov/2026:10:15:02 +0800 ", undefined],
  ])("%s", (text, expected) => {
    expect(parseLogTime(text)).toBe(expected);
  });
});
