/**
 * Names of access-log objects (reference §2.1): `<TargetPrefix><SourceBucket>YYYY-mm-DD-HH-MM-SS-<UniqueString>`,
 * with no separator between prefix, bucket and date, the hour in Beijing time (UTC+8, the 2018 page and
 * every example), minutes and seconds always `00`, and a unique suffix (`0000` in every example, `0001`
 * seen in the wild).
 */

const BEIJING_MS = 8 * 3600_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The start of the UTC+8 hour that holds `epochMs`, as epoch ms.
 *
 * @example
 * logHourStart(Date.UTC(2026, 10, 29, 2, 15)); // Date.UTC(2026, 10, 29, 2, 0)
 */
export function logHourStart(epochMs: number): number {
  return Math.floor(epochMs / 3600_000) * 3600_000;
}

/**
 * The object name of the log for `hourStartMs`'s hour, with `unique` as the 4-digit suffix.
 *
 * @example
 * accessLogObjectName("log/", "examplebucket", Date.UTC(2026, 10, 29, 2), 0);
 * // "log/examplebucket2026-11-29-10-00-00-0000"
 */
export function accessLogObjectName(
  prefix: string,
  bucket: string,
  hourStartMs: number,
  unique: number,
): string {
  const d = new Date(logHourStart(hourStartMs) + BEIJING_MS);
  const stamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}-00-00`;
  return `${prefix}${bucket}${stamp}-${pad(unique, 4)}`;
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-([0-9A-Za-z-]{1,64})$/;

/**
 * Reads a log object's name back: the hour (epoch ms of its UTC+8 start) and the unique suffix, or
 * `undefined` when `key` is not a log object of `bucket` under `prefix` (§2.1: split on the known
 * `<prefix><bucket>`, then parse the stamp; a legacy `-` after the bucket is accepted).
 *
 * @example
 * parseAccessLogObjectName("log/examplebucket2026-11-29-10-00-00-0000", "log/", "examplebucket");
 * // { hourStart: Date.UTC(2026, 10, 29, 2), unique: "0000" }
 */
export function parseAccessLogObjectName(
  key: string,
  prefix: string,
  bucket: string,
): { hourStart: number; unique: string } | undefined {
  const head = `${prefix}${bucket}`;
  if (!key.startsWith(head)) return undefined;
  let rest = key.slice(head.length);
  if (rest.startsWith("-") && /^-\d{4}-/.test(rest)) rest = rest.slice(1);
  const m = STAMP.exec(rest);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as number[];
  const local = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  if (Number.isNaN(local) || new Date(local).getUTCDate() !== d) return undefined;
  return { hourStart: local - BEIJING_MS, unique: m[7] as string };
}

/**
 * The name prefix of the log objects of `bucket` for hours at or after `hourStartMs`, to list from
 * (`start-after`/`marker`): names sort by time because the stamp is fixed-width.
 *
 * @example
 * accessLogListMarker("log/", "b1", Date.UTC(2026, 10, 27)); // "log/b12026-11-27-08-00-00"
 */
export function accessLogListMarker(prefix: string, bucket: string, hourStartMs: number): string {
  return accessLogObjectName(prefix, bucket, hourStartMs, 0).slice(0, -5);
}
