import { compareCodeUnits, percentEncode } from "./encode.ts";
import type { HeaderMap, QueryParams } from "./types.ts";
import { UNSIGNED_PAYLOAD } from "./types.ts";

/**
 * Canonical URI: `/bucket/key` built from the decoded bucket and key, whatever the host form
 * (virtual-hosted, path-style, CNAME), then percent-encoded with `/` kept.
 *
 * @example
 * canonicalUri("bucket", "1234+-/123/1.txt"); // "/bucket/1234%2B-/123/1.txt"
 * canonicalUri("examplebucket", null); // "/examplebucket/" (bucket-level, e.g. the style API)
 * canonicalUri(null, null); // "/"
 */
export function canonicalUri(bucket?: string | null, key?: string | null): string {
  const prefix = bucket ? `/${percentEncode(bucket, false, "bucket")}/` : "/";
  return key ? prefix + percentEncode(key, true, "key") : prefix;
}

/**
 * Canonical query: every parameter, name and value percent-encoded (`/` too), sorted by encoded
 * name in byte order (ties by value), joined with `&`; an empty value is written as the bare name.
 *
 * @example
 * canonicalQuery([["styleName", "small"], ["style", ""]]); // "style&styleName=small"
 * canonicalQuery([["x-oss-process", "style/small"]]); // "x-oss-process=style%2Fsmall"
 */
export function canonicalQuery(query: QueryParams = []): string {
  return query
    .map(([name, value]) => [percentEncode(name, false, "query name"), percentEncode(value, false, name)])
    .sort(([an = "", av = ""], [bn = "", bv = ""]) => compareCodeUnits(an, bn) || compareCodeUnits(av, bv))
    .map(([name, value]) => (value ? `${name}=${value}` : `${name}`))
    .join("&");
}

/**
 * True for headers OSS always signs when present: `content-type`, `content-md5`, `x-oss-*`.
 *
 * @example
 * isDefaultSignedHeader("X-OSS-Date"); // true
 * isDefaultSignedHeader("host"); // false
 */
export function isDefaultSignedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === "content-type" || lower === "content-md5" || lower.startsWith("x-oss-");
}

/** Groups headers by lower-case name; repeated names are joined with `,` as Go does. Values trimmed. */
function lowerCaseHeaders(headers: HeaderMap): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, raw] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    const value = String(raw).trim();
    const prev = out.get(lower);
    out.set(lower, prev === undefined ? value : `${prev},${value}`);
  }
  return out;
}

/**
 * Normalises an AdditionalHeaders input as the SDKs do: lower-case, de-duplicate, drop default-signed
 * names and names absent from (or empty on) the request, sort.
 *
 * @example
 * normalizeAdditionalHeaders(["ZAbc", "x-oss-head1", "abc", "nope"], { abc: "v", ZAbc: "v", "x-oss-head1": "v" });
 * // ["abc", "zabc"]
 */
export function normalizeAdditionalHeaders(names: readonly string[] = [], headers: HeaderMap = {}): string[] {
  if (names.length === 0) return [];
  const present = lowerCaseHeaders(headers);
  const picked = new Set<string>();
  for (const name of names) {
    const lower = name.trim().toLowerCase();
    if (!lower || isDefaultSignedHeader(lower)) continue;
    if (present.get(lower)) picked.add(lower);
  }
  return [...picked].sort(compareCodeUnits);
}

/**
 * Canonical headers block: `name:value\n` for every default-signed header and every name in the
 * (already normalised) additional list, sorted by lower-case name in byte order.
 *
 * @example
 * canonicalHeaders({ "Content-Type": "text/plain", Host: "h", "x-oss-date": "20231216T162057Z" }, []);
 * // "content-type:text/plain\nx-oss-date:20231216T162057Z\n"
 */
export function canonicalHeaders(headers: HeaderMap = {}, additional: readonly string[] = []): string {
  return headersBlock(lowerCaseHeaders(headers), additional);
}

function headersBlock(lower: Map<string, string>, additional: readonly string[]): string {
  const extra = new Set(additional);
  return [...lower]
    .filter(([name]) => isDefaultSignedHeader(name) || extra.has(name))
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([name, value]) => `${name}:${value}\n`)
    .join("");
}

/**
 * Payload hash line: the `x-oss-content-sha256` header when present, else `UNSIGNED-PAYLOAD`.
 *
 * @example
 * hashedPayload({}); // "UNSIGNED-PAYLOAD"
 */
export function hashedPayload(headers: HeaderMap = {}): string {
  return lowerCaseHeaders(headers).get("x-oss-content-sha256") || UNSIGNED_PAYLOAD;
}

/** Everything {@link canonicalRequest} needs. `additionalHeaders` must already be normalised. */
export interface CanonicalRequestInput {
  readonly method: string;
  readonly bucket?: string | null | undefined;
  readonly key?: string | null | undefined;
  readonly query?: QueryParams | undefined;
  readonly headers?: HeaderMap | undefined;
  readonly additionalHeaders?: readonly string[] | undefined;
}

/**
 * The six-line canonical request: method, URI, query, headers block, additional-header list, payload hash.
 *
 * @example
 * canonicalRequest({ method: "GET", bucket: "examplebucket", query: [["style", ""]],
 *   headers: { "x-oss-date": "20231216T162057Z", "x-oss-content-sha256": "UNSIGNED-PAYLOAD" } });
 * // "GET\n/examplebucket/\nstyle\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20231216T162057Z\n\n\nUNSIGNED-PAYLOAD"
 */
export function canonicalRequest(input: CanonicalRequestInput): string {
  const additional = input.additionalHeaders ?? [];
  const lower = lowerCaseHeaders(input.headers ?? {});
  return [
    input.method.toUpperCase(),
    canonicalUri(input.bucket, input.key),
    canonicalQuery(input.query),
    headersBlock(lower, additional),
    additional.join(";"),
    lower.get("x-oss-content-sha256") || UNSIGNED_PAYLOAD,
  ].join("\n");
}
