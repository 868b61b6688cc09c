/** Dates in the two forms OSS uses on the wire. */

/**
 * RFC 1123 in GMT, as in `Date`, `Last-Modified` and the style `CreateTime`.
 *
 * @example
 * rfc1123(new Date(0)); // "Thu, 01 Jan 1970 00:00:00 GMT"
 */
export function rfc1123(date: Date): string {
  return date.toUTCString();
}

/**
 * ISO 8601 basic form in UTC (`YYYYMMDDTHHMMSSZ`), as in `x-oss-date`.
 *
 * @example
 * isoBasic(new Date(0)); // "19700101T000000Z"
 */
export function isoBasic(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

const isoBasicPattern = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Parses `YYYYMMDDTHHMMSSZ`; `undefined` for anything else, including impossible dates.
 *
 * @example
 * parseIsoBasic("20231216T162057Z")?.getTime(); // 1702743657000
 */
export function parseIsoBasic(value: string): Date | undefined {
  const m = isoBasicPattern.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 20231332 over into 2024; a round trip catches that.
  return isoBasic(date) === value ? date : undefined;
}

const rfc1123Pattern = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Parses an RFC 1123 GMT date (`Date` header); `undefined` for any other form.
 *
 * @example
 * parseRfc1123("Sat, 16 Dec 2023 16:20:57 GMT")?.getTime(); // 1702743657000
 */
export function parseRfc1123(value: string): Date | undefined {
  if (!rfc1123Pattern.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
