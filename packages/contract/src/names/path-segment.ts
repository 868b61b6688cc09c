// A path segment that is exactly "." or ".." (or "%2e", ".%2e" …) is a dot segment: every URL parser
// (WHATWG URL, so the browser's fetch and Node's Request) removes it before the request is routed.
// "." and ".." are valid style names, so a console route that takes a name carries those two escaped.
const ESCAPE = "~";
const DOT_SEGMENT = /^\.{1,2}$/;
const ESCAPED = /^~(\.{1,2})$/;

/**
 * The URL path segment that carries `value` to a console route and back unchanged: percent-encoded, with
 * the two dot segments written `~.` and `~..` (`~` is in no name's alphabet, so nothing else can look the
 * same). Pair with {@link fromPathSegment} on the route's side.
 * @example
 * pathSegment("thumb"); // "thumb"
 * pathSegment(".."); // "~.."
 */
export function pathSegment(value: string): string {
  return DOT_SEGMENT.test(value) ? `${ESCAPE}${value}` : encodeURIComponent(value);
}

/**
 * The value a route receives for a segment written by {@link pathSegment} (already percent-decoded by the
 * router).
 * @example
 * fromPathSegment("~.."); // ".."
 */
export function fromPathSegment(segment: string): string {
  return ESCAPED.exec(segment)?.[1] ?? segment;
}
