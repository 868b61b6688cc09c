import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCESS_LOG_FIELDS, type AccessLogRecord } from "./fields.ts";
import { parseAccessLogLine, parseAccessLogRequest } from "./parse.ts";
import { serializeAccessLogRecord } from "./serialize.ts";

const text = fc.option(fc.string({ unit: "grapheme", maxLength: 40 }), { nil: null });
const int = fc.option(fc.integer({ min: -1e12, max: 1e12 }), { nil: null });
const ip = fc.option(fc.ipV4(), { nil: null });

/** Any record the writer can be given: any strings (quotes, backslashes, control characters, CJK). */
export const recordArbitrary: fc.Arbitrary<AccessLogRecord> = fc.record({
  RemoteIP: ip,
  Time: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }).map((t) => t - (t % 1000)),
  RequestURL: fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }),
  HTTPStatus: fc.integer({ min: 100, max: 599 }),
  SentBytes: int,
  RequestTime: int,
  Referer: text,
  UserAgent: text,
  HostName: text,
  RequestID: text,
  LoggingFlag: text,
  RequesterAliyunID: text,
  Operation: text,
  BucketName: text,
  ObjectName: text,
  ObjectSize: int,
  ServerCostTime: int,
  ErrorCode: text,
  RequestLength: int,
  UserID: text,
  DeltaDataSize: int,
  SyncRequest: text,
  StorageClass: text,
  TargetStorageClass: text,
  TransmissionAccelerationAccessPoint: text,
  AccessKeyID: text,
  BucketARN: text,
  extra: fc.constant([]),
});

describe("serialize → parse", () => {
  it("gives back every record, whatever its strings hold", () => {
    fc.assert(
      fc.property(recordArbitrary, fc.integer({ min: -720, max: 840 }), (record, offset) => {
        const line = serializeAccessLogRecord(record, { offsetMinutes: offset });
        expect(line).not.toMatch(/[\n\r]/);
        const parsed = parseAccessLogLine(line);
        expect(parsed).toEqual({ ok: true, record });
      }),
      { numRuns: 250 },
    );
  });

  it("writes exactly 29 fields, quoted and bracketed as §2.3 says", () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        const line = serializeAccessLogRecord({ ...record, RemoteIP: "1.2.3.4" });
        const kinds = [...line.matchAll(/\[[^\]]*\]|"(?:\\.|[^"\\])*"(?= |$)|[^ ]+/g)].map((m) =>
          m[0].startsWith('"') ? "quoted" : m[0].startsWith("[") ? "bracketed" : "bare",
        );
        expect(kinds).toEqual(ACCESS_LOG_FIELDS.map((f) => f.encoding));
      }),
      { numRuns: 200 },
    );
  });
});

describe("parseAccessLogLine never throws", () => {
  it("on any text, or any cut or damaged valid line", () => {
    fc.assert(
      fc.property(
        recordArbitrary,
        fc.nat(),
        fc.string({ maxLength: 5 }),
        fc.string({ maxLength: 200 }),
        (record, at, insert, noise) => {
          const line = serializeAccessLogRecord(record);
          const cut = at % (line.length + 1);
          for (const candidate of [
            noise,
            line.slice(0, cut),
            line.slice(0, cut) + insert + line.slice(cut),
          ]) {
            const parsed = parseAccessLogLine(candidate);
            if (!parsed.ok) {
              expect(parsed.error.column).toBeGreaterThanOrEqual(1);
              expect(parsed.error.column).toBeLessThanOrEqual(candidate.length + 1);
            }
          }
          // A cut line is refused or reads as a different record, never silently as the original —
          // unless all it lost are trailing absent (`-` or `"-"`) fields, which the 25- and 28-field versions of
          // the format leave out anyway.
          const parsed = parseAccessLogLine(line.slice(0, cut));
          const lostOnlyAbsentTail = /^[ "-]*$/.test(line.slice(cut));
          if (cut < line.length && parsed.ok && !lostOnlyAbsentTail)
            expect(parsed.record).not.toEqual(record);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("parseAccessLogRequest agrees with parseAccessLogLine", () => {
  it("on every line, whole, cut or damaged: the same verdict, the same error, the same four fields", () => {
    fc.assert(
      fc.property(recordArbitrary, fc.nat(), fc.string({ maxLength: 5 }), (record, at, insert) => {
        const line = serializeAccessLogRecord(record);
        const cut = at % (line.length + 1);
        for (const candidate of [line, line.slice(0, cut), line.slice(0, cut) + insert + line.slice(cut)]) {
          const whole = parseAccessLogLine(candidate);
          const request = parseAccessLogRequest(candidate);
          if (whole.ok) {
            const { Time, RequestURL, HTTPStatus, SentBytes } = whole.record;
            expect(request).toEqual({ ok: true, request: { Time, RequestURL, HTTPStatus, SentBytes } });
          } else expect(request).toEqual(whole);
        }
      }),
      { numRuns: 300 },
    );
  });
});
