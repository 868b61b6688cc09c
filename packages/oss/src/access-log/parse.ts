import {
  ACCESS_LOG_FIELDS,
  type AccessLogRecord,
  type FieldSpec,
  MIN_FIELDS,
  type RecordField,
} from "./fields.ts";

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

const MONTH: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

const TIME = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/**
 * Epoch ms of a log time `dd/Mon/yyyy:HH:MM:SS ±zzzz`, or `undefined` when it is not one.
 *
 * @example
 * parseLogTime("29/Nov/2026:10:15:02 +0800"); // Date.UTC(2026, 10, 29, 2, 15, 2)
 */
export function parseLogTime(text: string): number | undefined {
  // Lines of one object come in time order: the same second repeats, so the last answer is kept.
  if (text === lastTimeText) return lastTimeValue;
  const value = readLogTime(text);
  lastTimeText = text;
  lastTimeValue = value;
  return value;
}

let lastTimeText = "";
let lastTimeValue: number | undefined;

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

// `dd/Mon/yyyy:HH:MM:SS ±zzzz`, read by position (the regex below documents the shape).
function readLogTime(text: string): number | undefined {
  if (text.length !== 26 || !TIME.test(text)) return undefined;
  const month = MONTH[text.slice(3, 6)];
  if (month === undefined) return undefined;
  const day = digits(text, 0, 2);
  const year = digits(text, 7, 4);
  const h = digits(text, 12, 2);
  const min = digits(text, 15, 2);
  const s = digits(text, 18, 2);
  const oh = digits(text, 22, 2);
  const om = digits(text, 24, 2);
  if (day < 1 || day > 31 || h > 23 || min > 59 || s > 59 || om > 59) return undefined;
  const offset = (text.charCodeAt(21) === 45 ? -1 : 1) * (oh * 60 + om);
  const local = Date.UTC(year, month, day, h, min, s);
  if (new Date(local).getUTCDate() !== day) return undefined;
  return local - offset * 60_000;
}

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

type TokenKind = "bare" | "bracketed" | "quoted";

// Tokens of the line being parsed, in parallel arrays reused from line to line (the parser runs at
// hundreds of thousands of lines a second; an object per token would dominate).
const raws: string[] = [];
const kinds: TokenKind[] = [];
const columns: number[] = [];

const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;

/** Splits `line` into `raws`/`kinds`/`columns`; the token count, or the problem. */
function tokenize(line: string): number | LineError {
  const n = line.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    while (i < n && line.charCodeAt(i) === SPACE) i++;
    if (i >= n) break;
    const start = i;
    const c = line.charCodeAt(i);
    let raw: string;
    let kind: TokenKind;
    if (c === QUOTE) {
      // The closing quote is the next one that is not escaped (an odd run of backslashes before it) and
      // is followed by a space or the end; indexOf jumps between candidates.
      let j = i;
      for (;;) {
        j = line.indexOf('"', j + 1);
        if (j === -1)
          return { message: "a quoted field is not closed before the end of the line", column: start + 1 };
        let slashes = 0;
        while (line.charCodeAt(j - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0 && (j + 1 === n || line.charCodeAt(j + 1) === SPACE)) break;
      }
      raw = line.slice(i + 1, j);
      kind = "quoted";
      i = j + 1;
    } else if (c === OPEN_BRACKET) {
      const j = line.indexOf("]", i + 1);
      if (j === -1)
        return { message: "a [time] field is not closed before the end of the line", column: start + 1 };
      raw = line.slice(i + 1, j);
      kind = "bracketed";
      i = j + 1;
    } else {
      let j = line.indexOf(" ", i);
      if (j === -1) j = n;
      raw = line.slice(i, j);
      kind = "bare";
      i = j;
    }
    raws[count] = raw;
    kinds[count] = kind;
    columns[count] = start + 1;
    count++;
    if (i < n && line.charCodeAt(i) !== SPACE)
      return { message: "expected a space between fields", column: i + 1 };
  }
  return count;
}

function fail(message: string, column: number): ParsedLine {
  return { ok: false, error: { message, column } };
}

/** A whole number of at most 15 digits (optionally negative), or NaN. */
function toInt(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 16) return Number.NaN;
  let i = raw.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return Number.NaN;
  let value = 0;
  for (; i < n; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return raw.charCodeAt(0) === 45 ? -value : value;
}

/**
 * One line to a record, or the first problem with its column.
 *
 * @example
 * const parsed = parseAccessLogLine(line);
 * if (parsed.ok) parsed.record.RequestURL; // "GET /cat.jpg?x-oss-process=style/small HTTP/1.1"
 * else parsed.error; // { message: "only 17 field(s); an access-log line has at least 25 …", column: 312 }
 */
export function parseAccessLogLine(input: string): ParsedLine {
  const line = input.endsWith("\r") ? input.slice(0, -1) : input;
  const count = tokenize(line);
  if (typeof count !== "number") return { ok: false, error: count };
  if (count < MIN_FIELDS) {
    return fail(
      `only ${count} field(s); an access-log line has at least ${MIN_FIELDS} (the line looks cut off)`,
      line.length + 1,
    );
  }
  // Each slot holds what its field's type says (checked below); `as never` lets it fill any field.
  const values: unknown[] = new Array(ACCESS_LOG_FIELDS.length);
  for (let k = 0; k < ACCESS_LOG_FIELDS.length; k++) {
    const spec = ACCESS_LOG_FIELDS[k] as FieldSpec;
    if (k >= count) {
      values[k] = null;
      continue;
    }
    const raw = raws[k] as string;
    const kind = kinds[k] as TokenKind;
    const missing = raw === "-";
    if (kind !== spec.encoding && !(missing && kind === "bare")) {
      return fail(
        `field ${k + 1} (${spec.name}) should be ${spec.encoding}, found a ${kind} value`,
        columns[k] ?? 1,
      );
    }
    if (spec.type === "time") {
      const time = parseLogTime(raw);
      if (time === undefined)
        return fail(
          `field ${k + 1} (${spec.name}) is not a time like 29/Nov/2026:10:15:02 +0800`,
          columns[k] ?? 1,
        );
      values[k] = time;
    } else if (spec.type === "int") {
      if (missing) values[k] = null;
      else {
        const value = toInt(raw);
        if (Number.isNaN(value))
          return fail(
            `field ${k + 1} (${spec.name}) should be a whole number or -, found "${raw.slice(0, 20)}"`,
            columns[k] ?? 1,
          );
        values[k] = value;
      }
    } else {
      values[k] = missing ? null : unescapeField(raw);
    }
  }
  const status = values[5] as number | null;
  if (status === null || status < 100 || status > 999) {
    return fail("field 6 (HTTPStatus) should be a status code 100–999", columns[5] ?? 1);
  }
  const extra: string[] = [];
  for (let k = ACCESS_LOG_FIELDS.length; k < count; k++) {
    const raw = raws[k] as string;
    const kind = kinds[k];
    extra.push(kind === "quoted" ? `"${raw}"` : kind === "bracketed" ? `[${raw}]` : raw);
  }
  // One literal, so every record has the same shape (fast property access downstream).
  const record: AccessLogRecord = {
    RemoteIP: values[0] as never,
    Time: values[3] as never,
    RequestURL: values[4] as never,
    HTTPStatus: status,
    SentBytes: values[6] as never,
    RequestTime: values[7] as never,
    Referer: values[8] as never,
    UserAgent: values[9] as never,
    HostName: values[10] as never,
    RequestID: values[11] as never,
    LoggingFlag: values[12] as never,
    RequesterAliyunID: values[13] as never,
    Operation: values[14] as never,
    BucketName: values[15] as never,
    ObjectName: values[16] as never,
    ObjectSize: values[17] as never,
    ServerCostTime: values[18] as never,
    ErrorCode: values[19] as never,
    RequestLength: values[20] as never,
    UserID: values[21] as never,
    DeltaDataSize: values[22] as never,
    SyncRequest: values[23] as never,
    StorageClass: values[24] as never,
    TargetStorageClass: values[25] as never,
    TransmissionAccelerationAccessPoint: values[26] as never,
    AccessKeyID: values[27] as never,
    BucketARN: values[28] as never,
    extra,
  };
  if (record.RequestURL === null) return fail("field 5 (RequestURL) is missing", columns[4] ?? 1);
  return { ok: true, record };
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
