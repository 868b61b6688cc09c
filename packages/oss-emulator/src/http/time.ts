/**
 * Dates in the two forms OSS uses on the wire. Formatting and `x-oss-date` parsing are the signer's
 * (one definition for the client that signs and the server that verifies); only the `Date` header's
 * RFC 1123 parsing is the server's own.
 */
export { isoBasic, parseIsoBasic, rfc1123 } from "@style-console/oss/signer";

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
