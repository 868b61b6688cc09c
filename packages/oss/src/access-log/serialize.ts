import { ACCESS_LOG_FIELDS, type AccessLogRecord, type RecordField } from "./fields.ts";

/**
 * Writes access-log lines in OSS's format (reference §2.3, §2.5): fields separated by one space, `-` for
 * a missing value (`"-"` inside quotes), the time as `[dd/Mon/yyyy:HH:MM:SS +zzzz]`.
 *
 * OSS does not document how it escapes `"`, `\` or control characters inside quoted fields (§10.6). We
 * write `\"`, `\\` and `\xHH` (Apache's convention, which §2.5 tells readers to accept), so every string
 * round-trips through {@link parseAccessLogLine}.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * `dd/Mon/yyyy:HH:MM:SS ±zzzz` for `epochMs` shown at `offsetMinutes` east of UTC (OSS: +0800).
 *
 * @example
 * formatLogTime(Date.UTC(2026, 10, 29, 2, 15, 2), 480); // "29/Nov/2026:10:15:02 +0800"
 */
export function formatLogTime(epochMs: number, offsetMinutes = 480): string {
  const d = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

function escapeQuoted(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out;
}

// A bare token must not contain what would end it or open a quoted/bracketed field.
function escapeBare(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || ch === '"' || ch === "[" || ch === "\\")
      out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out;
}

function text(value: string | null, quoted: boolean): string {
  if (value === null) return quoted ? '"-"' : "-";
  // A value that is literally "-" would read back as missing; OSS has no such value, so this is moot in
  // practice, but a round trip must not turn a real "-" into null.
  if (value === "" && !quoted) return "-";
  const body = value === "-" ? "\\x2d" : quoted ? escapeQuoted(value) : escapeBare(value);
  return quoted ? `"${body}"` : body;
}

/** Options of {@link serializeAccessLogRecord}. */
export interface SerializeOptions {
  /** Time zone of the `Time` field, minutes east of UTC; default 480 (+0800, as OSS's samples). */
  readonly offsetMinutes?: number;
}

/**
 * One access-log line (without the line break) holding all 29 fields in OSS's order, plus `extra`.
 *
 * @example
 * serializeAccessLogRecord(record);
 * // '203.0.113.10 - - [29/Nov/2026:10:15:02 +0800] "GET /cat.jpg HTTP/1.1" 200 48213 35 "-" …'
 */
export function serializeAccessLogRecord(record: AccessLogRecord, options: SerializeOptions = {}): string {
  const parts: string[] = [];
  for (const spec of ACCESS_LOG_FIELDS) {
    if (spec.name === "Reserved") {
      parts.push("-");
      continue;
    }
    const value = record[spec.name as RecordField];
    if (spec.type === "time") {
      parts.push(`[${formatLogTime(value as number, options.offsetMinutes ?? 480)}]`);
    } else if (spec.type === "int") {
      parts.push(value === null ? "-" : String(Math.trunc(value as number)));
    } else {
      parts.push(text(value as string | null, spec.encoding === "quoted"));
    }
  }
  for (const extra of record.extra) parts.push(extra);
  return parts.join(" ");
}
