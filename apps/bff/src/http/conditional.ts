/**
 * Tells whether an `If-None-Match` request header names `etag` (a strong ETag, quotes included), so
 * the answer is 304 Not Modified. RFC 9110 §13.1.2: the header is `*` or a comma-separated list of
 * entity tags, compared weakly (a `W/` prefix on either side is ignored). Undefined header: false.
 * @example
 * noneMatch('"a", W/"b"', '"b"'); // true
 */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}
