import { percentEncode, type QueryParams, standardRegion, wireQuery } from "../signer/index.ts";
import { OssError } from "./errors.ts";

/**
 * How the bucket is addressed: `virtual-hosted` (`bucket.host/key`, what OSS wants), `path`
 * (`host/bucket/key`, for IP and localhost endpoints such as the emulator) or `cname` (a custom
 * domain bound to one bucket: `host/key`). The signature is the same in all three.
 */
export type Addressing = "virtual-hosted" | "path" | "cname";

export interface Endpoint {
  readonly protocol: "http:" | "https:";
  /** host[:port] */
  readonly host: string;
  readonly addressing: Addressing;
}

const IP_OR_LOCAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\]|localhost)$/i;

function configError(message: string): OssError {
  return new OssError({
    kind: "invalid-argument",
    code: "InvalidConfig",
    message,
    operation: "createOssClient",
  });
}

/**
 * Parses the endpoint option (default `https://oss-<region>.aliyuncs.com`) and picks the addressing:
 * path-style for IP hosts and `localhost`, virtual-hosted otherwise, unless `addressing` says.
 *
 * @example
 * resolveEndpoint("http://127.0.0.1:9000", "cn-hangzhou"); // { protocol: "http:", host: "127.0.0.1:9000", addressing: "path" }
 * resolveEndpoint(undefined, "oss-cn-hangzhou").host; // "oss-cn-hangzhou.aliyuncs.com"
 */
export function resolveEndpoint(
  endpoint: string | undefined,
  region: string,
  addressing?: Addressing,
): Endpoint {
  const text = endpoint ?? `https://oss-${standardRegion(region)}.aliyuncs.com`;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw configError(`endpoint "${text}" is not a URL such as https://oss-cn-hangzhou.aliyuncs.com`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw configError(`endpoint must be http or https, got ${url.protocol}`);
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.username) {
    throw configError(`endpoint must be scheme://host[:port] only, got "${text}"`);
  }
  const chosen = addressing ?? (IP_OR_LOCAL.test(url.hostname) ? "path" : "virtual-hosted");
  return { protocol: url.protocol, host: url.host, addressing: chosen };
}

/**
 * The wire URL of a request. The key's path is percent-encoded with `/` kept, exactly as it is signed.
 *
 * @example
 * requestUrl({ protocol: "http:", host: "127.0.0.1:9000", addressing: "path" }, "b", undefined, [["style", ""]]);
 * // "http://127.0.0.1:9000/b/?style"
 */
export function requestUrl(
  ep: Endpoint,
  bucket: string | undefined,
  key: string | undefined,
  query: QueryParams,
): string {
  const keyPath = key ? percentEncode(key, true, "key") : "";
  let base: string;
  if (!bucket || ep.addressing === "cname") base = `${ep.protocol}//${ep.host}/${keyPath}`;
  else if (ep.addressing === "path") base = `${ep.protocol}//${ep.host}/${bucket}/${keyPath}`;
  else base = `${ep.protocol}//${bucket}.${ep.host}/${keyPath}`;
  return query.length > 0 ? `${base}?${wireQuery(query)}` : base;
}
