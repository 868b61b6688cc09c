import { objectKeyIssues } from "@style-console/contract/names";
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

export interface ObjectSummary {
  readonly key: string;
  readonly size: number;
  readonly lastModified: string | undefined;
  readonly etag: string | undefined;
  readonly storageClass: string | undefined;
}

export interface ListObjectsOptions extends CallOptions {
  readonly prefix?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly continuationToken?: string | undefined;
  readonly startAfter?: string | undefined;
  /** 1–1000 (OSS default 100). */
  readonly maxKeys?: number | undefined;
}

export interface ListObjectsResult {
  readonly objects: ObjectSummary[];
  readonly commonPrefixes: string[];
  readonly isTruncated: boolean;
  /** Pass back as `continuationToken` for the next page; undefined on the last page. */
  readonly nextContinuationToken: string | undefined;
}

export interface ObjectHead {
  readonly contentType: string | undefined;
  readonly contentLength: number | undefined;
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
  /** `x-oss-meta-*` headers, without the prefix. */
  readonly metadata: Record<string, string>;
  readonly requestId: string | undefined;
}

export interface GetObjectOptions extends CallOptions {
  /** `x-oss-process`, e.g. `image/resize,w_200` or `style/small`. */
  readonly process?: string | undefined;
  /** A `Range` header value, e.g. `bytes=0-1023`. */
  readonly range?: string | undefined;
}

export interface PutObjectOptions extends CallOptions {
  /** Default `application/octet-stream` (never fetch's text/plain default, which would be signed). */
  readonly contentType?: string | undefined;
  readonly metadata?: Readonly<Record<string, string>> | undefined;
}

/**
 * Object keys OSS accepts and that survive fetch's URL handling, by the contract's rule
 * (`objectKeyIssues`: 1–1023 UTF-8 bytes, not starting with `/` or `\`, and no `.` or `..` segment,
 * which WHATWG URLs would resolve so that the signature no longer matched the path).
 *
 * @example
 * checkKey("photos/cat.jpg", "getObject"); // "photos/cat.jpg"
 */
export function checkKey(key: string, operation: string): string {
  if (typeof key !== "string" || key === "")
    throw invalidArgument(operation, "object key must be a non-empty string");
  const problem = objectKeyIssues(key)[0];
  if (problem) throw invalidArgument(operation, `object key: ${problem.message}`);
  return key;
}

function toSummary(node: XmlNode, path: string): ObjectSummary {
  const size = Number(childText(node, "Size", path, "listObjects", true));
  if (!Number.isSafeInteger(size) || size < 0)
    throw new OssError({
      kind: "bad-response",
      code: "MalformedResponse",
      message: `<${path}><Size> is not a byte count`,
      operation: "listObjects",
    });
  return {
    key: childText(node, "Key", path, "listObjects", true),
    size,
    lastModified: childText(node, "LastModified", path, "listObjects"),
    etag: childText(node, "ETag", path, "listObjects"),
    storageClass: childText(node, "StorageClass", path, "listObjects"),
  };
}

/**
 * ListObjectsV2: one page of keys under `prefix`.
 *
 * @example
 * const page = await listObjects(ctx, { prefix: "photos/", maxKeys: 100 });
 * const next = await listObjects(ctx, { prefix: "photos/", continuationToken: page.nextContinuationToken });
 */
export async function listObjects(ctx: OpContext, opts: ListObjectsOptions = {}): Promise<ListObjectsResult> {
  const bucket = bucketFor(ctx, opts, "listObjects");
  // As the official SDKs do: names come percent-encoded, so a key XML 1.0 cannot carry still lists.
  const query: [string, string][] = [
    ["list-type", "2"],
    ["encoding-type", "url"],
  ];
  if (opts.maxKeys !== undefined) {
    if (!Number.isInteger(opts.maxKeys) || opts.maxKeys < 1 || opts.maxKeys > 1000)
      throw invalidArgument("listObjects", `maxKeys must be an integer 1–1000, got ${opts.maxKeys}`);
    query.push(["max-keys", String(opts.maxKeys)]);
  }
  for (const [name, value] of [
    ["prefix", opts.prefix],
    ["delimiter", opts.delimiter],
    ["continuation-token", opts.continuationToken],
    ["start-after", opts.startAfter],
  ] as const) {
    if (value) query.push([name, value]);
  }
  const { text, response } = await ctx.transport.send({
    operation: "listObjects",
    method: "GET",
    bucket,
    query,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  const root = parseXmlDocument(text, "ListBucketResult", "listObjects", response.status);
  const truncated = childText(root, "IsTruncated", "ListBucketResult", "listObjects") === "true";
  const encoded = childText(root, "EncodingType", "ListBucketResult", "listObjects")?.toLowerCase() === "url";
  const name = (value: string, path: string): string => (encoded ? queryUnescape(value, path) : value);
  return {
    objects: childList(root, "Contents", "ListBucketResult", "listObjects").map((n, i) => {
      const summary = toSummary(n, `ListBucketResult><Contents[${i}]`);
      return { ...summary, key: name(summary.key, `Contents[${i}]><Key`) };
    }),
    commonPrefixes: childList(root, "CommonPrefixes", "ListBucketResult", "listObjects").map((n, i) =>
      name(childText(n, "Prefix", "CommonPrefixes", "listObjects", true), `CommonPrefixes[${i}]><Prefix`),
    ),
    isTruncated: truncated,
    nextContinuationToken: truncated
      ? name(
          childText(root, "NextContinuationToken", "ListBucketResult", "listObjects", true),
          "NextContinuationToken",
        )
      : undefined,
  };
}

/**
 * Undoes `encoding-type=url` as the SDKs do (Go's `url.QueryUnescape`: `+` is a space, `%XX` a byte
 * of UTF-8); a malformed escape is a bad response, never a silently wrong key.
 *
 * @example
 * queryUnescape("x%252Fy%20z.txt", "Key"); // "x%2Fy z.txt"
 */
export function queryUnescape(value: string, path: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    throw new OssError({
      kind: "bad-response",
      code: "MalformedResponse",
      message: `<ListBucketResult><${path}> is not valid URL encoding although EncodingType is url`,
      operation: "listObjects",
    });
  }
}

function headOf(res: Response): ObjectHead {
  const metadata: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name.startsWith("x-oss-meta-")) metadata[name.slice(11)] = value;
  });
  const length = res.headers.get("content-length");
  return {
    contentType: res.headers.get("content-type") ?? undefined,
    contentLength: length === null ? undefined : Number(length),
    etag: res.headers.get("etag") ?? undefined,
    lastModified: res.headers.get("last-modified") ?? undefined,
    metadata,
    requestId: requestIdOf(res),
  };
}

/**
 * HeadObject: the object's headers, or OssError `NoSuchKey`.
 *
 * @example
 * (await headObject(ctx, "photos/cat.jpg")).contentLength; // 48213
 */
export async function headObject(ctx: OpContext, key: string, opts: CallOptions = {}): Promise<ObjectHead> {
  const bucket = bucketFor(ctx, opts, "headObject");
  const { response } = await ctx.transport.send({
    operation: "headObject",
    method: "HEAD",
    bucket,
    key: checkKey(key, "headObject"),
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  return headOf(response);
}

/**
 * GetObject: the headers and the body as a stream (read it or cancel it).
 *
 * @example
 * const { body, contentType } = await getObject(ctx, "photos/cat.jpg", { process: "style/thumb_200" });
 * const bytes = new Uint8Array(await new Response(body).arrayBuffer());
 */
export async function getObject(ctx: OpContext, key: string, opts: GetObjectOptions = {}) {
  const bucket = bucketFor(ctx, opts, "getObject");
  const query: [string, string][] = opts.process ? [["x-oss-process", opts.process]] : [];
  const headers: Record<string, string> = opts.range ? { Range: opts.range } : {};
  const { response, body } = await ctx.transport.send({
    operation: "getObject",
    method: "GET",
    bucket,
    key: checkKey(key, "getObject"),
    query,
    headers,
    stream: true,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  // The transport's guarded body: a cut-off read rejects with an OssError, not undici's TypeError.
  return { ...headOf(response), status: response.status, body: body ?? new Blob([]).stream() };
}

/**
 * DeleteObject: 204, also when the object does not exist.
 *
 * @example
 * await deleteObject(ctx, "photos/cat.jpg");
 */
export async function deleteObject(ctx: OpContext, key: string, opts: CallOptions = {}) {
  const bucket = bucketFor(ctx, opts, "deleteObject");
  const { response } = await ctx.transport.send({
    operation: "deleteObject",
    method: "DELETE",
    bucket,
    key: checkKey(key, "deleteObject"),
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  return { requestId: requestIdOf(response) };
}

/**
 * PutObject from bytes or a string (UTF-8), with Content-MD5.
 *
 * @example
 * await putObject(ctx, "photos/cat.jpg", jpegBytes, { contentType: "image/jpeg" });
 */
export async function putObject(
  ctx: OpContext,
  key: string,
  data: Uint8Array | string,
  opts: PutObjectOptions = {},
) {
  const bucket = bucketFor(ctx, opts, "putObject");
  const body = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const headers: Record<string, string> = {
    "Content-Type": opts.contentType ?? "application/octet-stream",
    "Content-MD5": contentMd5(body),
  };
  for (const [name, value] of Object.entries(opts.metadata ?? {}))
    headers[`x-oss-meta-${name.toLowerCase()}`] = value;
  const { response } = await ctx.transport.send({
    operation: "putObject",
    method: "PUT",
    bucket,
    key: checkKey(key, "putObject"),
    headers,
    body,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  return { etag: response.headers.get("etag") ?? undefined, requestId: requestIdOf(response) };
}
