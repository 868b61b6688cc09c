import { parseQueryString, SignerInputError } from "@style-console/oss/signer";
import { ossError } from "./errors.ts";

/** Where a request points: bucket, object key, and its decoded query, from the Host header and the path. */
export interface Address {
  /** `undefined` for a service-level request (`GET /` on the bare endpoint). */
  readonly bucket: string | undefined;
  /** `""` for a bucket-level request (`/?style`), the decoded key otherwise. */
  readonly key: string;
  /** Decoded `[name, value]` pairs in wire order; a valueless `?style` has value `""`. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly virtualHosted: boolean;
}

const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Resolves the bucket and key of a request. `<bucket>.<base>` is virtual-hosted when `<base>` is one of
 * `baseHosts` (so `photos.localhost:9000` works); any other host, IP addresses included, is path-style
 * (`/<bucket>/<key>`).
 *
 * @example
 * resolveAddress("photos.localhost:9000", "/a%20b.jpg?x-oss-process=style%2Fthumb", ["localhost"]);
 * // { bucket: "photos", key: "a b.jpg", query: [["x-oss-process", "style/thumb"]], virtualHosted: true }
 */
export function resolveAddress(host: string, rawUrl: string, baseHosts: readonly string[]): Address {
  const q = rawUrl.indexOf("?");
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = parseQuery(q === -1 ? "" : rawUrl.slice(q + 1));
  const path = decode(rawPath);
  if (!path.startsWith("/"))
    throw ossError("InvalidURI", { message: `The request path must start with "/".` });
  const hostname = stripPort(host).toLowerCase();
  const bucketFromHost = ipv4.test(hostname) ? undefined : virtualBucket(hostname, baseHosts);
  if (bucketFromHost !== undefined) {
    return { bucket: bucketFromHost, key: path.slice(1), query, virtualHosted: true };
  }
  const rest = path.slice(1);
  if (rest === "") return { bucket: undefined, key: "", query, virtualHosted: false };
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const key = slash === -1 ? "" : rest.slice(slash + 1);
  return { bucket, key, query, virtualHosted: false };
}

function virtualBucket(hostname: string, baseHosts: readonly string[]): string | undefined {
  for (const base of baseHosts) {
    const suffix = `.${base.toLowerCase()}`;
    if (hostname.endsWith(suffix) && hostname.length > suffix.length)
      return hostname.slice(0, -suffix.length);
  }
  return undefined;
}

function stripPort(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

/**
 * Splits a raw query into decoded pairs with the signer's own parser, so the server reads a query
 * exactly as the client signed it (only `%XX` is decoded: `+` stays a plus sign). Bad
 * percent-encoding is OSS's 400 InvalidURI.
 *
 * @example
 * parseQuery("style&styleName=a%2Fb"); // [["style", ""], ["styleName", "a/b"]]
 */
export function parseQuery(raw: string): Array<[string, string]> {
  try {
    return parseQueryString(raw).map(([name, value]) => [name, value]);
  } catch (error) {
    if (!(error instanceof SignerInputError)) throw error;
    throw ossError("InvalidURI", { message: `Could not decode the query: ${error.message}` });
  }
}

/** Decodes the path's `%XX` escapes; bad percent-encoding is OSS's 400 InvalidURI. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw ossError("InvalidURI", {
      message: `Could not decode "${text.slice(0, 100)}": bad percent-encoding.`,
    });
  }
}

/**
 * The first value of query parameter `name`, or `undefined` when absent.
 *
 * @example
 * queryValue([["styleName", "thumb"]], "styleName"); // "thumb"
 */
export function queryValue(
  query: ReadonlyArray<readonly [string, string]>,
  name: string,
): string | undefined {
  return query.find(([n]) => n === name)?.[1];
}
