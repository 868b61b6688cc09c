import { SignerInputError } from "./errors.ts";

// encodeURIComponent leaves A–Z a–z 0–9 - _ . ! ~ * ' ( ) alone; OSS (like Go's escaping) keeps only
// the RFC 3986 unreserved set, so the five extra marks are escaped by hand.
const EXTRA_MARKS = /[!'()*]/g;
const UNRESERVED = /^[A-Za-z0-9._~-]*$/;

function escapeMark(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

function loneSurrogateIndex(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    else if (c >= 0xd800 && c <= 0xdfff) return i;
  }
  return -1;
}

/**
 * Percent-encodes the UTF-8 bytes of `value`, keeping only `A–Z a–z 0–9 - . _ ~` (and `/` when
 * `keepSlash`). Upper-case hex; space is `%20`, never `+`.
 *
 * @example
 * percentEncode("style/small"); // "style%2Fsmall"
 * percentEncode("/b/cat 1+.jpg", true); // "/b/cat%201%2B.jpg"
 */
export function percentEncode(value: string, keepSlash = false, field = "value"): string {
  // Most names and values (style, styleName=thumb_200, x-oss-date) need no encoding at all.
  if (UNRESERVED.test(value)) return value;
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    throw new SignerInputError(
      field,
      `lone UTF-16 surrogate at index ${loneSurrogateIndex(value)}; not valid UTF-8`,
    );
  }
  encoded = encoded.replace(EXTRA_MARKS, escapeMark);
  return keepSlash ? encoded.replaceAll("%2F", "/") : encoded;
}

/**
 * Byte-order comparison for ASCII strings (percent-encoded names, lower-cased header names).
 * Never `localeCompare`: it puts `_` and `~` before digits, unlike Go/Python/Java.
 *
 * @example
 * ["a", "B", "_u"].sort(compareCodeUnits); // ["B", "_u", "a"]
 */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
