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
  /**
   * The OSS endpoint the Host names, when it is one (`oss-<region>[-internal].aliyuncs.com`, with or
   * without a bucket label): the request is meant for that region.
   */
  readonly endpoint?: OssEndpoint | undefined;
  /**
   * The path-style reading of a virtual-hosted request whose path starts with its own bucket label
   * (`Host: photos.oss-…` with `/photos/k`): ali-oss with `sldEnable` sends exactly that, signing
   * path-style. The server tries it only when the first reading's signature does not match.
   */
  readonly pathStyle?: Address | undefined;
}

/** A regional OSS endpoint named by a Host header. */
export interface OssEndpoint {
  /** Region id without `oss-`, e.g. `cn-hangzhou`. */
  readonly region: string;
  readonly internal: boolean;
}

const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;
// OSS's public and internal regional endpoints (oss-api.md, "Endpoints"), with an optional bucket label.
const ossHost = /^(?:([^.]*)\.)?oss-([a-z0-9]+(?:-[a-z0-9]+)*?)(-internal)?\.aliyuncs\.com$/;

/**
 * The host name of an endpoint for `region`, as OSS names it in `ExtranetEndpoint`/`IntranetEndpoint`.
 *
 * @example
 * endpointHost({ region: "cn-hangzhou", internal: true }); // "oss-cn-hangzhou-internal.aliyuncs.com"
 */
export function endpointHost(endpoint: OssEndpoint): string {
  return `oss-${endpoint.region}${endpoint.internal ? "-internal" : ""}.aliyuncs.com`;
}

/**
 * Resolves the bucket and key of a request from its Host, as OSS routes it:
 * - `<bucket>.oss-<region>[-internal].aliyuncs.com` is virtual-hosted in that region, whatever address
 *   the connection reached (ali-oss with an IP endpoint sends exactly this Host);
 * - `<bucket>.<base>` is virtual-hosted when `<base>` is one of `baseHosts` (`photos.localhost:9000`);
 * - a bare endpoint (an IP address, a base host, `oss-<region>.aliyuncs.com`, or ali-oss's
 *   `.oss-<region>.aliyuncs.com` for a request without a bucket) is path-style (`/<bucket>/<key>`).
 *
 * @example
 * resolveAddress("photos.localhost:9000", "/a%20b.jpg?x-oss-process=style%2Fthumb", ["localhost"]);
 * // { bucket: "photos", key: "a b.jpg", query: [["x-oss-process", "style/thumb"]], virtualHosted: true }
 * resolveAddress("photos.oss-eu-central-1.aliyuncs.com", "/k", []).endpoint;
 * // { region: "eu-central-1", internal: false }
 */
export function resolveAddress(host: string, rawUrl: string, baseHosts: readonly string[]): Address {
  const q = rawUrl.indexOf("?");
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = parseQuery(q === -1 ? "" : rawUrl.slice(q + 1));
  const path = decode(rawPath);
  if (!path.startsWith("/"))
    throw ossError("InvalidURI", { message: `The request path must start with "/".` });
  const hostname = stripPort(host).toLowerCase();
  const oss = ossHost.exec(hostname);
  const endpoint = oss?.[2] ? { region: oss[2], internal: oss[3] !== undefined } : undefined;
  const label = oss ? oss[1] || undefined : undefined;
  const bucketFromHost =
    label ?? (oss || ipv4.test(hostname) ? undefined : virtualBucket(hostname, baseHosts));
  const rest = path.slice(1);
  if (bucketFromHost !== undefined) {
    const own = rest === bucketFromHost || rest.startsWith(`${bucketFromHost}/`);
    const pathStyle = own ? splitPath(rest, query, endpoint) : undefined;
    return { bucket: bucketFromHost, key: rest, query, virtualHosted: true, endpoint, pathStyle };
  }
  return splitPath(rest, query, endpoint);
}

function splitPath(rest: string, query: Address["query"], endpoint: OssEndpoint | undefined): Address {
  if (rest === "") return { bucket: undefined, key: "", query, virtualHosted: false, endpoint };
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const key = slash === -1 ? "" : rest.slice(slash + 1);
  return { bucket, key, query, virtualHosted: false, endpoint };
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
