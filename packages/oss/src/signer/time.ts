import { SignerInputError } from "./errors.ts";

const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function validDate(date: Date, field: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new SignerInputError(field, "expected a valid Date");
  }
  return date;
}

/**
 * `x-oss-date` form: ISO 8601 basic, UTC, whole seconds.
 *
 * @example
 * isoBasic(new Date(1702743657000)); // "20231216T162057Z"
 */
export function isoBasic(date: Date): string {
  const d = validDate(date, "date");
  const p2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  const year = d.getUTCFullYear();
  if (year < 1000 || year > 9999) throw new SignerInputError("date", `year ${year} does not fit YYYYMMDD`);
  return `${year}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}T${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}Z`;
}

/**
 * RFC 1123 form used by the unsigned `Date` header.
 *
 * @example
 * rfc1123(new Date(1702743657000)); // "Sat, 16 Dec 2023 16:20:57 GMT"
 */
export function rfc1123(date: Date): string {
  return validDate(date, "date").toUTCString();
}

/**
 * Parses an `x-oss-date` value; undefined when it is not exactly `YYYYMMDDTHHMMSSZ` or not a real instant.
 *
 * @example
 * parseIsoBasic("20231216T162057Z")?.getTime(); // 1702743657000
 */
export function parseIsoBasic(value: string): Date | undefined {
  const m = ISO_BASIC.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 20231332 over into February; reject instead of accepting a different instant.
  return isoBasic(date) === value ? date : undefined;
}
