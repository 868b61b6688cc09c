import { isStyleName } from "@style-console/contract/names";
import type { Bucket } from "../storage/buckets.ts";

/**
 * Custom style delimiters: with `!` active, `GET /photo.jpg!thumb` is `GET /photo.jpg?x-oss-process=style/thumb`
 * (oss-logging-buckets.md §7.2, D-IMG-MODES). OSS does not document how an ambiguous path resolves (§10.20);
 * this emulator's rule: a key that exists as an object is always that object; otherwise the rightmost
 * active delimiter whose left side is an existing object and whose right side is a valid style name wins.
 */

export interface DelimitedStyle {
  /** The object the style applies to. */
  readonly key: string;
  readonly style: string;
}

/**
 * Splits `key` at an active delimiter of `bucket`, or `undefined` when it is a plain object request.
 * Delimiters apply on OSS domains only while `CompliedHost` is `Both`.
 *
 * @example
 * splitDelimitedStyle(bucket, "photo.jpg!thumb"); // { key: "photo.jpg", style: "thumb" } when "!" is active
 */
export function splitDelimitedStyle(bucket: Bucket, key: string): DelimitedStyle | undefined {
  const { styleDelimiters, compliedHost } = bucket.meta.get().process;
  if (styleDelimiters.length === 0 || compliedHost !== "Both") return undefined;
  if (bucket.objects.head(key)) return undefined;
  for (let i = key.length - 2; i > 0; i--) {
    const c = key[i] as string;
    if (!(styleDelimiters as readonly string[]).includes(c)) continue;
    const style = key.slice(i + 1);
    const object = key.slice(0, i);
    if (isStyleName(style) && bucket.objects.head(object)) return { key: object, style };
  }
  return undefined;
}
