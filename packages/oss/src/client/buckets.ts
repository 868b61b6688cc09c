import {
  bucketFor,
  type CallOptions,
  contentMd5,
  invalidArgument,
  type OpContext,
  requestIdOf,
} from "./context.ts";
import { OssError } from "./errors.ts";
import { childList, childText, parseXmlDocument, type XmlNode } from "./xml.ts";

/**
 * The bucket calls the fleet needs: ListBuckets (GetService), GetBucketInfo, GetBucketLocation and
 * GetProcessConfiguration (oss-logging-buckets.md §4, §5, §7).
 */

/** One bucket as ListBuckets and GetBucketInfo describe it. */
export interface BucketSummary {
  readonly name: string;
  /** Region id without `oss-` (`Region`, else `Location` stripped of `oss-`). */
  readonly region: string;
  /** `Location`, e.g. `oss-cn-hangzhou`. */
  readonly location: string;
  /** ISO 8601, as OSS sends it. */
  readonly creationDate: string | undefined;
  /** Host of the public endpoint, e.g. `oss-cn-hangzhou.aliyuncs.com`. */
  readonly extranetEndpoint: string | undefined;
  readonly intranetEndpoint: string | undefined;
  readonly storageClass: string | undefined;
}

export interface ListBucketsOptions {
  readonly prefix?: string | undefined;
  /** Names after this one. */
  readonly marker?: string | undefined;
  /** 1–1000; OSS's default is 100. */
  readonly maxKeys?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
}

export interface ListBucketsResult {
  readonly buckets: BucketSummary[];
  readonly isTruncated: boolean;
  readonly nextMarker: string | undefined;
}

/** `BucketProcessConfiguration`: the settings that make `<key>!<style>` URLs work. */
export interface ProcessConfiguration {
  /** Active delimiters among `-`, `_`, `/`, `!`. */
  readonly styleDelimiters: string[];
  /** `Img` (delimiters only on the legacy IMG domain) or `Both`. */
  readonly compliedHost: string | undefined;
  readonly sourceFileProtect: string | undefined;
  readonly sourceFileProtectSuffix: string | undefined;
}

const ROOT_HEADERS = { "Content-Type": "application/xml" };

function toSummary(node: XmlNode, path: string, operation: string): BucketSummary {
  const location = childText(node, "Location", path, operation) ?? "";
  const region = childText(node, "Region", path, operation) ?? location.replace(/^oss-/, "");
  if (!region) {
    throw new OssError({
      kind: "bad-response",
      code: "MalformedResponse",
      message: `<${path}> has neither <Region> nor <Location>`,
      operation,
    });
  }
  return {
    name: childText(node, "Name", path, operation, true),
    region,
    location: location || `oss-${region}`,
    creationDate: childText(node, "CreationDate", path, operation),
    extranetEndpoint: childText(node, "ExtranetEndpoint", path, operation),
    intranetEndpoint: childText(node, "IntranetEndpoint", path, operation),
    storageClass: childText(node, "StorageClass", path, operation),
  };
}

/**
 * ListBuckets: one page of the account's buckets in every region, by name. Signed for the client's
 * region and sent to its endpoint (any regional endpoint lists all buckets, §4.1).
 *
 * @example
 * const { buckets, nextMarker } = await listBuckets(ctx, { prefix: "shop-", maxKeys: 100 });
 */
export async function listBuckets(ctx: OpContext, opts: ListBucketsOptions = {}): Promise<ListBucketsResult> {
  const operation = "listBuckets";
  const query: [string, string][] = [];
  if (opts.marker !== undefined && opts.marker !== "") query.push(["marker", opts.marker]);
  if (opts.maxKeys !== undefined) {
    if (!Number.isInteger(opts.maxKeys) || opts.maxKeys < 1 || opts.maxKeys > 1000)
      throw invalidArgument(operation, `maxKeys must be an integer 1–1000, got ${opts.maxKeys}`);
    query.push(["max-keys", String(opts.maxKeys)]);
  }
  if (opts.prefix !== undefined && opts.prefix !== "") query.push(["prefix", opts.prefix]);
  const { text, response } = await ctx.transport.send({
    operation,
    method: "GET",
    query,
    headers: ROOT_HEADERS,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  const root = parseXmlDocument(text, "ListAllMyBucketsResult", operation, response.status);
  const path = "ListAllMyBucketsResult";
  const container = root.Buckets;
  const list =
    container === undefined || container === ""
      ? []
      : childList(container as XmlNode, "Bucket", `${path}><Buckets`, operation);
  const isTruncated = childText(root, "IsTruncated", path, operation) === "true";
  const nextMarker = childText(root, "NextMarker", path, operation);
  if (isTruncated && !nextMarker) {
    throw new OssError({
      kind: "bad-response",
      code: "MalformedResponse",
      message: "<ListAllMyBucketsResult> is truncated but has no <NextMarker>",
      operation,
    });
  }
  return {
    buckets: list.map((b, i) => toSummary(b, `${path}><Bucket[${i}]`, operation)),
    isTruncated,
    nextMarker: isTruncated ? nextMarker : undefined,
  };
}

/**
 * Every bucket (all pages, as the SDKs' paginators do), by name. Stops at 100 000 buckets so a server
 * that never ends its listing cannot make it loop forever.
 *
 * @example
 * (await listAllBuckets(ctx, { prefix: "shop-" })).map((b) => `${b.name}@${b.region}`);
 */
export async function listAllBuckets(
  ctx: OpContext,
  opts: Omit<ListBucketsOptions, "marker"> = {},
): Promise<BucketSummary[]> {
  const all: BucketSummary[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await listBuckets(ctx, { ...opts, maxKeys: opts.maxKeys ?? 1000, marker });
    all.push(...page.buckets);
    if (!page.isTruncated || page.nextMarker === marker || all.length >= 100_000) return all;
    marker = page.nextMarker;
  }
}

/**
 * GetBucketInfo: the bucket's region and endpoints.
 *
 * @example
 * (await getBucketInfo(ctx, { bucket: "shop-eu" })).region; // "eu-central-1"
 */
export async function getBucketInfo(ctx: OpContext, opts: CallOptions = {}): Promise<BucketSummary> {
  const operation = "getBucketInfo";
  const bucket = bucketFor(ctx, opts, operation);
  const { text, response } = await ctx.transport.send({
    operation,
    method: "GET",
    bucket,
    query: [["bucketInfo", ""]],
    headers: ROOT_HEADERS,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  const root = parseXmlDocument(text, "BucketInfo", operation, response.status);
  const node = root.Bucket;
  if (typeof node !== "object" || node === null || Array.isArray(node)) {
    throw new OssError({
      kind: "bad-response",
      code: "MalformedResponse",
      message: "<BucketInfo> has no <Bucket>",
      operation,
    });
  }
  return toSummary(node as XmlNode, "BucketInfo><Bucket", operation);
}

/**
 * GetBucketLocation: the bucket's region id without `oss-` (the wire value is `oss-<region>`).
 *
 * @example
 * await getBucketLocation(ctx, { bucket: "shop-eu" }); // "eu-central-1"
 */
export async function getBucketLocation(ctx: OpContext, opts: CallOptions = {}): Promise<string> {
  const operation = "getBucketLocation";
  const bucket = bucketFor(ctx, opts, operation);
  const { text, response } = await ctx.transport.send({
    operation,
    method: "GET",
    bucket,
    query: [["location", ""]],
    headers: ROOT_HEADERS,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  const match = /<LocationConstraint[^>]*>\s*(oss-)?([a-z0-9-]+)\s*<\/LocationConstraint\s*>/.exec(text);
  if (!match?.[2]) {
    throw new OssError({
      kind: "bad-response",
      code: "MalformedResponse",
      message: "expected <LocationConstraint>oss-<region></LocationConstraint>",
      operation,
      status: response.status,
    });
  }
  return match[2];
}

/**
 * GetProcessConfiguration: the bucket's style delimiters and source protection. The XML is known from
 * the Java v1 SDK only (oss-logging-buckets.md §7.1).
 *
 * @example
 * (await getProcessConfiguration(ctx, { bucket: "photos" })).styleDelimiters; // ["-", "!"]
 */
export async function getProcessConfiguration(
  ctx: OpContext,
  opts: CallOptions = {},
): Promise<ProcessConfiguration> {
  const operation = "getProcessConfiguration";
  const bucket = bucketFor(ctx, opts, operation);
  const { text, response } = await ctx.transport.send({
    operation,
    method: "GET",
    bucket,
    query: [["processConfiguration", ""]],
    headers: ROOT_HEADERS,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  const path = "BucketProcessConfiguration";
  const root = parseXmlDocument(text, path, operation, response.status);
  const delimiters = (childText(root, "StyleDelimiters", path, operation) ?? "")
    .split(",")
    .map((d) => d.trim())
    .filter((d) => ["-", "_", "/", "!"].includes(d));
  return {
    styleDelimiters: delimiters,
    compliedHost: childText(root, "CompliedHost", path, operation),
    sourceFileProtect: childText(root, "SourceFileProtect", path, operation),
    sourceFileProtectSuffix: childText(root, "SourceFileProtectSuffix", path, operation),
  };
}

/**
 * PutProcessConfiguration: sets the style delimiters (a subset of `-`, `_`, `/`, `!`) and where they
 * apply (`Both`: OSS domains too). The body is the Java v1 SDK's `BucketProcessConfiguration`.
 *
 * @example
 * await putProcessConfiguration(ctx, { styleDelimiters: ["!"] }, { bucket: "photos" });
 */
export async function putProcessConfiguration(
  ctx: OpContext,
  config: { styleDelimiters: readonly string[]; compliedHost?: "Img" | "Both" },
  opts: CallOptions = {},
): Promise<{ requestId: string | undefined }> {
  const operation = "putProcessConfiguration";
  const bucket = bucketFor(ctx, opts, operation);
  for (const d of config.styleDelimiters) {
    if (!["-", "_", "/", "!"].includes(d))
      throw invalidArgument(operation, `style delimiters are -, _, / and !; got ${JSON.stringify(d)}`);
  }
  const xml = `<BucketProcessConfiguration><CompliedHost>${config.compliedHost ?? "Both"}</CompliedHost><StyleDelimiters>${config.styleDelimiters.join(",")}</StyleDelimiters></BucketProcessConfiguration>`;
  const body = new TextEncoder().encode(xml);
  const { response } = await ctx.transport.send({
    operation,
    method: "PUT",
    bucket,
    query: [["processConfiguration", ""]],
    headers: { "Content-Type": "application/xml", "Content-MD5": contentMd5(body) },
    body,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  return { requestId: requestIdOf(response) };
}
