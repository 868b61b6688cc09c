import { ACCESS_LOG_FIELDS, type AccessLogRecord, MIN_FIELDS, type RecordField } from "./fields.ts";

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
  const m = TIME.exec(text);
  if (!m) return undefined;
  const month = MONTH[m[2] as string];
  if (month === undefined) return undefined;
  const [day = 0, year = 0, h = 0, min = 0, s = 0, oh = 0, om = 0] = [
    m[1],
    m[3],
    m[4],
    m[5],
    m[6],
    m[8],
    m[9],
  ].map(Number);
  if (day < 1 || day > 31 || h > 23 || min > 59 || s > 59 || om > 59) return undefined;
  const offset = (m[7] === "-" ? -1 : 1) * (oh * 60 + om);
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

interface Token {
  readonly raw: string;
  readonly kind: "bare" | "bracketed" | "quoted";
  readonly column: number;
}

const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;

function tokenize(line: string): Token[] | LineError {
  const tokens: Token[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && line.charCodeAt(i) === SPACE) i++;
    if (i >= n) break;
    const start = i;
    const c = line.charCodeAt(i);
    if (c === QUOTE) {
      let j = i + 1;
      for (;;) {
        if (j >= n)
          return { message: "a quoted field is not closed before the end of the line", column: start + 1 };
        const cj = line.charCodeAt(j);
        if (cj === BACKSLASH) j += 2;
        else if (cj === QUOTE && (j + 1 === n || line.charCodeAt(j + 1) === SPACE)) break;
        else j++;
      }
      tokens.push({ raw: line.slice(i + 1, j), kind: "quoted", column: start + 1 });
      i = j + 1;
    } else if (c === 91 /* [ */) {
      const j = line.indexOf("]", i + 1);
      if (j === -1)
        return { message: "a [time] field is not closed before the end of the line", column: start + 1 };
      tokens.push({ raw: line.slice(i + 1, j), kind: "bracketed", column: start + 1 });
      i = j + 1;
    } else {
      let j = line.indexOf(" ", i);
      if (j === -1) j = n;
      tokens.push({ raw: line.slice(i, j), kind: "bare", column: start + 1 });
      i = j;
    }
    if (i < n && line.charCodeAt(i) !== SPACE)
      return { message: "expected a space between fields", column: i + 1 };
  }
  return tokens;
}

const INT = /^-?\d{1,15}$/;

function fail(message: string, column: number): ParsedLine {
  return { ok: false, error: { message, column } };
}

/**
 * One line to a record, or the first problem with its column.
 *
 * @example
 * const parsed = parseAccessLogLine(line);
 * if (parsed.ok) parsed.record.RequestURL; // "GET /cat.jpg?x-oss-process=style/small HTTP/1.1"
 * else parsed.error; // { message: "only 17 fields; a line has at least 25", column: 312 }
 */
export function parseAccessLogLine(input: string): ParsedLine {
  let line = input;
  if (line.endsWith("\r")) line = line.slice(0, -1);
  const tokens = tokenize(line);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  if (tokens.length < MIN_FIELDS) {
    return fail(
      `only ${tokens.length} field(s); an access-log line has at least ${MIN_FIELDS} (the line looks cut off)`,
      line.length + 1,
    );
  }
  const record = { extra: [] as string[] } as unknown as AccessLogRecord;
  const out = record as unknown as Record<string, unknown>;
  for (let k = 0; k < ACCESS_LOG_FIELDS.length; k++) {
    const spec = ACCESS_LOG_FIELDS[k] as (typeof ACCESS_LOG_FIELDS)[number];
    const token = tokens[k];
    if (spec.name === "Reserved") continue;
    if (token === undefined) {
      out[spec.name] = null;
      continue;
    }
    const where = `field ${k + 1} (${spec.name})`;
    const missing = token.raw === "-";
    if (token.kind !== spec.encoding && !(missing && token.kind === "bare")) {
      return fail(`${where} should be ${spec.encoding}, found a ${token.kind} value`, token.column);
    }
    if (spec.type === "time") {
      const time = parseLogTime(token.raw);
      if (time === undefined)
        return fail(`${where} is not a time like 29/Nov/2026:10:15:02 +0800`, token.column);
      out[spec.name] = time;
    } else if (spec.type === "int") {
      if (missing) out[spec.name] = null;
      else if (INT.test(token.raw)) out[spec.name] = Number(token.raw);
      else
        return fail(
          `${where} should be a whole number or -, found "${token.raw.slice(0, 20)}"`,
          token.column,
        );
    } else {
      out[spec.name] = missing ? null : unescapeField(token.raw);
    }
  }
  if (record.RequestURL === null) return fail("field 5 (RequestURL) is missing", tokens[4]?.column ?? 1);
  if (record.HTTPStatus === null || record.HTTPStatus < 100 || record.HTTPStatus > 999) {
    return fail("field 6 (HTTPStatus) should be a status code 100–999", tokens[5]?.column ?? 1);
  }
  for (let k = ACCESS_LOG_FIELDS.length; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    record.extra.push(t.kind === "quoted" ? `"${t.raw}"` : t.kind === "bracketed" ? `[${t.raw}]` : t.raw);
  }
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
