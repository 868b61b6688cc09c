import {
  ACCESS_LOG_FIELDS,
  type AccessLogRecord,
  type FieldSpec,
  MIN_FIELDS,
  type RecordField,
} from "./fields.ts";
import { parseLogTime } from "./time.ts";

/**
 * Reads access-log lines (reference §2.8): tolerant of the 25/28/29-field versions and of fields appended
 * later, of `\"` inside quotes, of a quote not followed by a space (taken literally, §2.5), of leading
 * whitespace and `\r\n`. It never throws: a line it cannot read comes back as a {@link LineError} naming
 * the column and what was wrong, so a reader can count and report it and go on.
 */

/** Why a line was not read, and where (1-based column). */
export interface LineError {
  readonly message: string;
  readonly column: number;
}

export type ParsedLine =
  | { readonly ok: true; readonly record: AccessLogRecord }
  | { readonly ok: false; readonly error: LineError };

/** The fields of a line that say which request was served, when, and how (a usage count's needs). */
export interface AccessLogRequest {
  readonly Time: number;
  readonly RequestURL: string;
  readonly HTTPStatus: number;
  readonly SentBytes: number | null;
}

export type ParsedRequest =
  | { readonly ok: true; readonly request: AccessLogRequest }
  | { readonly ok: false; readonly error: LineError };

function unescapeField(raw: string): string {
  if (!raw.includes("\\")) return raw;
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch !== "\\" || i === raw.length - 1) {
      out += ch;
      continue;
    }
    const next = raw[i + 1] as string;
    if (next === '"' || next === "\\") {
      out += next;
      i++;
    } else if (next === "x" && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 2, i + 4))) {
      out += String.fromCharCode(Number.parseInt(raw.slice(i + 2, i + 4), 16));
      i += 3;
    } else {
      out += ch;
    }
  }
  return out;
}

// Token kinds, as small integers (the order of `KIND_NAMES`).
const BARE = 0;
const BRACKETED = 1;
const QUOTED = 2;
const KIND_NAMES = ["bare", "bracketed", "quoted"] as const;
const KIND_OF = { bare: BARE, bracketed: BRACKETED, quoted: QUOTED } as const;

// The field table as parallel arrays of small integers, read once per field of every line.
const FIELD_COUNT = ACCESS_LOG_FIELDS.length;
const ENCODING = ACCESS_LOG_FIELDS.map((f) => KIND_OF[f.encoding]);
const TYPE_TEXT = 0;
const TYPE_INT = 1;
const TYPE_TIME = 2;
const TYPE = ACCESS_LOG_FIELDS.map((f) =>
  f.type === "int" ? TYPE_INT : f.type === "time" ? TYPE_TIME : TYPE_TEXT,
);

// The line being parsed, as token bounds in arrays reused from line to line (the parser runs at hundreds
// of thousands of lines a second: no string is cut until a caller needs that field's text). `starts` and
// `ends` bound a token's content (inside its quotes or brackets); its 1-based column is `opens + 1`.
const opens: number[] = [];
const starts: number[] = [];
const ends: number[] = [];
const kinds: number[] = [];
// What validation read: each int field's value (NaN for `-`), and the time.
const ints: number[] = new Array(FIELD_COUNT).fill(0);
let timeValue = 0;

const SPACE = 32;
const QUOTE_CHAR = 34;
const DASH = 45;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;

/** Splits `line` into token bounds; the token count, or the problem. */
function tokenize(line: string): number | LineError {
  const n = line.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    while (i < n && line.charCodeAt(i) === SPACE) i++;
    if (i >= n) break;
    const open = i;
    const c = line.charCodeAt(i);
    if (c === QUOTE_CHAR) {
      // The closing quote is the next one that is not escaped (an odd run of backslashes before it) and
      // is followed by a space or the end; indexOf jumps between candidates.
      let j = i;
      for (;;) {
        j = line.indexOf('"', j + 1);
        if (j === -1)
          return { message: "a quoted field is not closed before the end of the line", column: open + 1 };
        let slashes = 0;
        while (line.charCodeAt(j - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0 && (j + 1 === n || line.charCodeAt(j + 1) === SPACE)) break;
      }
      starts[count] = i + 1;
      ends[count] = j;
      kinds[count] = QUOTED;
      i = j + 1;
    } else if (c === OPEN_BRACKET) {
      const j = line.indexOf("]", i + 1);
      if (j === -1)
        return { message: "a [time] field is not closed before the end of the line", column: open + 1 };
      starts[count] = i + 1;
      ends[count] = j;
      kinds[count] = BRACKETED;
      i = j + 1;
    } else {
      let j = line.indexOf(" ", i);
      if (j === -1) j = n;
      starts[count] = i;
      ends[count] = j;
      kinds[count] = BARE;
      i = j;
    }
    opens[count] = open;
    count++;
    if (i < n && line.charCodeAt(i) !== SPACE)
      return { message: "expected a space between fields", column: i + 1 };
  }
  return count;
}

const isMissing = (line: string, k: number) =>
  ends[k] === (starts[k] as number) + 1 && line.charCodeAt(starts[k] as number) === DASH;

/** A whole number of at most 15 digits (optionally negative) in `line[from, to)`, or NaN. */
function toInt(line: string, from: number, to: number): number {
  const n = to - from;
  if (n === 0 || n > 16) return Number.NaN;
  const negative = line.charCodeAt(from) === DASH;
  let i = negative ? from + 1 : from;
  if (i === to) return Number.NaN;
  let value = 0;
  for (; i < to; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return negative ? -value : value;
}

const problem = (message: string, k: number): LineError => ({ message, column: (opens[k] ?? 0) + 1 });

/**
 * Tokenizes and checks every field of `line` (kinds, numbers, the time, the status, the request line),
 * leaving the values in `ints` and `timeValue`; the token count, or the first problem. The one check
 * both readers share, so a line is malformed for one exactly when it is for the other.
 */
function check(line: string): number | LineError {
  const count = tokenize(line);
  if (typeof count !== "number") return count;
  if (count < MIN_FIELDS) {
    return {
      message: `only ${count} field(s); an access-log line has at least ${MIN_FIELDS} (the line looks cut off)`,
      column: line.length + 1,
    };
  }
  const last = Math.min(count, FIELD_COUNT);
  for (let k = 0; k < last; k++) {
    const kind = kinds[k] as number;
    const missing = isMissing(line, k);
    if (kind !== ENCODING[k] && !(missing && kind === BARE)) {
      const spec = ACCESS_LOG_FIELDS[k] as FieldSpec;
      return problem(
        `field ${k + 1} (${spec.name}) should be ${spec.encoding}, found a ${KIND_NAMES[kind]} value`,
        k,
      );
    }
    const type = TYPE[k];
    if (type === TYPE_TIME) {
      const time = parseLogTime(line.slice(starts[k], ends[k]));
      if (time === undefined)
        return problem(
          `field ${k + 1} (${(ACCESS_LOG_FIELDS[k] as FieldSpec).name}) is not a time like 29/Nov/2026:10:15:02 +0800`,
          k,
        );
      timeValue = time;
    } else if (type === TYPE_INT) {
      if (missing) ints[k] = Number.NaN;
      else {
        const value = toInt(line, starts[k] as number, ends[k] as number);
        if (Number.isNaN(value))
          return problem(
            `field ${k + 1} (${(ACCESS_LOG_FIELDS[k] as FieldSpec).name}) should be a whole number or -, found "${line.slice(starts[k], Math.min(ends[k] as number, (starts[k] as number) + 20))}"`,
            k,
          );
        ints[k] = value;
      }
    }
  }
  const status = ints[5] as number;
  if (Number.isNaN(status) || status < 100 || status > 999)
    return problem("field 6 (HTTPStatus) should be a status code 100–999", 5);
  if (isMissing(line, 4)) return problem("field 5 (RequestURL) is missing", 4);
  return count;
}

function text(line: string, k: number, count: number): string | null {
  if (k >= count || isMissing(line, k)) return null;
  return unescapeField(line.slice(starts[k], ends[k]));
}

function int(k: number, count: number): number | null {
  if (k >= count) return null;
  const value = ints[k] as number;
  return Number.isNaN(value) ? null : value;
}

const withoutCr = (input: string) => (input.charCodeAt(input.length - 1) === 13 ? input.slice(0, -1) : input);

/**
 * One line to a record, or the first problem with its column.
 *
 * @example
 * const parsed = parseAccessLogLine(line);
 * if (parsed.ok) parsed.record.RequestURL; // "GET /cat.jpg?x-oss-process=style/small HTTP/1.1"
 * else parsed.error; // { message: "only 17 field(s); an access-log line has at least 25 …", column: 312 }
 */
export function parseAccessLogLine(input: string): ParsedLine {
  const line = withoutCr(input);
  const count = check(line);
  if (typeof count !== "number") return { ok: false, error: count };
  const extra: string[] = [];
  // Appended fields verbatim: a quoted or bracketed one with its closing mark.
  for (let k = FIELD_COUNT; k < count; k++)
    extra.push(line.slice(opens[k], kinds[k] === BARE ? ends[k] : (ends[k] as number) + 1));
  // One literal, so every record has the same shape (fast property access downstream).
  const record: AccessLogRecord = {
    RemoteIP: text(line, 0, count),
    Time: timeValue,
    RequestURL: text(line, 4, count) as string,
    HTTPStatus: ints[5] as number,
    SentBytes: int(6, count),
    RequestTime: int(7, count),
    Referer: text(line, 8, count),
    UserAgent: text(line, 9, count),
    HostName: text(line, 10, count),
    RequestID: text(line, 11, count),
    LoggingFlag: text(line, 12, count),
    RequesterAliyunID: text(line, 13, count),
    Operation: text(line, 14, count),
    BucketName: text(line, 15, count),
    ObjectName: text(line, 16, count),
    ObjectSize: int(17, count),
    ServerCostTime: int(18, count),
    ErrorCode: text(line, 19, count),
    RequestLength: int(20, count),
    UserID: text(line, 21, count),
    DeltaDataSize: int(22, count),
    SyncRequest: text(line, 23, count),
    StorageClass: text(line, 24, count),
    TargetStorageClass: text(line, 25, count),
    TransmissionAccelerationAccessPoint: text(line, 26, count),
    AccessKeyID: text(line, 27, count),
    BucketARN: text(line, 28, count),
    extra,
  };
  return { ok: true, record };
}

/**
 * One line's request fields (`Time`, `RequestURL`, `HTTPStatus`, `SentBytes`), or the first problem:
 * every field is checked exactly as {@link parseAccessLogLine} does (a line is malformed for one exactly
 * when it is for the other), but only these four are read out — what a usage index needs, at a fraction
 * of the cost of a whole record.
 *
 * @example
 * const parsed = parseAccessLogRequest(line);
 * if (parsed.ok) parsed.request.HTTPStatus; // 200
 */
export function parseAccessLogRequest(input: string): ParsedRequest {
  const line = withoutCr(input);
  const count = check(line);
  if (typeof count !== "number") return { ok: false, error: count };
  const request: AccessLogRequest = {
    Time: timeValue,
    RequestURL: text(line, 4, count) as string,
    HTTPStatus: ints[5] as number,
    SentBytes: int(6, count),
  };
  return { ok: true, request };
}

/** A line that could not be read: its 1-based number, the column, the problem and its first 200 chars. */
export interface MalformedLine extends LineError {
  readonly line: number;
  readonly excerpt: string;
}

/**
 * Every line of a log object's text: blank lines are skipped, the rest read or reported.
 *
 * @example
 * const { records, malformed } = parseAccessLog(text);
 */
export function parseAccessLog(text: string): { records: AccessLogRecord[]; malformed: MalformedLine[] } {
  const records: AccessLogRecord[] = [];
  const malformed: MalformedLine[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "") continue;
    const parsed = parseAccessLogLine(line);
    if (parsed.ok) records.push(parsed.record);
    else malformed.push({ ...parsed.error, line: i + 1, excerpt: line.slice(0, 200) });
  }
  return { records, malformed };
}

export type { RecordField };
export { parseLogTime };
