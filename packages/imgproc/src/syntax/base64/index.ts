/**
 * URL-safe Base64 (RFC 4648 §5) as OSS writes it in watermark text, fonts and object keys: `-` and
 * `_` instead of `+` and `/`, padding dropped. Hand-written because the syntax half runs in the
 * browser (no Buffer) and `atob` works on Latin-1, not UTF-8.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Encodes text as unpadded URL-safe Base64 of its UTF-8 bytes.
 * @example
 * encodeBase64Url("Hello World"); // "SGVsbG8gV29ybGQ"
 */
export function encodeBase64Url(text: string): string {
  const bytes = encoder.encode(text);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += ALPHABET[n & 63];
  }
  return out;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string; at: number };

/**
 * Decodes unpadded (or `=`-padded) URL-safe Base64 into UTF-8 text. Never throws: a bad character,
 * an impossible length or bytes that are not UTF-8 come back as a reason and the character index.
 * @example
 * decodeBase64Url("5Lqs5Lic5LqR"); // { ok: true, text: "京东云" }
 */
export function decodeBase64Url(input: string): DecodeResult {
  let end = input.length;
  while (end > 0 && input.charCodeAt(end - 1) === 61 /* = */ && input.length - end < 2) end--;
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let n = 0;
  let bits = 0;
  let written = 0;
  for (let i = 0; i < end; i++) {
    const code = input.charCodeAt(i);
    const value = code < 128 ? (LOOKUP[code] ?? -1) : -1;
    if (value < 0) {
      const hint = code === 43 || code === 47 ? " (use `-` and `_`, the URL-safe alphabet)" : "";
      return { ok: false, reason: `\`${input[i]}\` is not a URL-safe Base64 character${hint}`, at: i };
    }
    n = ((n << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (n >> bits) & 0xff;
    }
  }
  if (end % 4 === 1) return { ok: false, reason: "the Base64 text has an impossible length", at: end - 1 };
  try {
    return { ok: true, text: decoder.decode(bytes.subarray(0, written)) };
  } catch {
    return { ok: false, reason: "the decoded bytes are not UTF-8 text", at: 0 };
  }
}
