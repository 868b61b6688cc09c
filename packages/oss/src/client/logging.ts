import { bucketFor, type CallOptions, contentMd5, type OpContext, requestIdOf } from "./context.ts";
import { childText, parseXmlDocument, type XmlNode } from "./xml.ts";

/**
 * PutBucketLogging, GetBucketLogging and DeleteBucketLogging (`?logging`; reference
 * oss-logging-buckets.md §1). Sent as the v2 SDKs send them: `Content-Type: application/xml` and a
 * `Content-MD5` on all three.
 */

/** Where a bucket's access logs go. */
export interface BucketLogging {
  readonly targetBucket: string;
  /** Key prefix of the log objects; may be empty. */
  readonly targetPrefix: string;
  /** RAM role OSS assumes to write the logs; omitted unless set (§1.2). */
  readonly loggingRole?: string | undefined;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");

function loggingBody(config: BucketLogging | undefined): string {
  if (!config) return "<BucketLoggingStatus></BucketLoggingStatus>";
  const role = config.loggingRole ? `<LoggingRole>${escapeXml(config.loggingRole)}</LoggingRole>` : "";
  return (
    "<BucketLoggingStatus><LoggingEnabled>" +
    `<TargetBucket>${escapeXml(config.targetBucket)}</TargetBucket>` +
    `<TargetPrefix>${escapeXml(config.targetPrefix)}</TargetPrefix>${role}` +
    "</LoggingEnabled></BucketLoggingStatus>"
  );
}

const query: [string, string][] = [["logging", ""]];

/**
 * PutBucketLogging: turns logging on (or, with `undefined`, off). Resolves to the request id.
 *
 * @example
 * await putBucketLogging(ctx, { targetBucket: "logs", targetPrefix: "photos/" }, { bucket: "photos" });
 */
export async function putBucketLogging(
  ctx: OpContext,
  config: BucketLogging | undefined,
  opts: CallOptions = {},
) {
  const bucket = bucketFor(ctx, opts, "putBucketLogging");
  const body = new TextEncoder().encode(loggingBody(config));
  const { response } = await ctx.transport.send({
    operation: "putBucketLogging",
    method: "PUT",
    bucket,
    query,
    headers: { "Content-Type": "application/xml", "Content-MD5": contentMd5(body) },
    body,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  return { requestId: requestIdOf(response) };
}

/**
 * GetBucketLogging: the configuration, or `undefined` when logging is off.
 *
 * @example
 * (await getBucketLogging(ctx, { bucket: "photos" }))?.targetBucket; // "logs"
 */
export async function getBucketLogging(
  ctx: OpContext,
  opts: CallOptions = {},
): Promise<BucketLogging | undefined> {
  const bucket = bucketFor(ctx, opts, "getBucketLogging");
  const empty = contentMd5(new Uint8Array());
  const { text, response } = await ctx.transport.send({
    operation: "getBucketLogging",
    method: "GET",
    bucket,
    query,
    headers: { "Content-Type": "application/xml", "Content-MD5": empty },
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  const root = parseXmlDocument(text, "BucketLoggingStatus", "getBucketLogging", response.status);
  const enabled = root.LoggingEnabled;
  if (enabled === undefined || enabled === "") return undefined;
  const node = enabled as XmlNode;
  const path = "BucketLoggingStatus><LoggingEnabled";
  const role = childText(node, "LoggingRole", path, "getBucketLogging");
  return {
    targetBucket: childText(node, "TargetBucket", path, "getBucketLogging", true),
    targetPrefix: childText(node, "TargetPrefix", path, "getBucketLogging") ?? "",
    ...(role ? { loggingRole: role } : {}),
  };
}

/**
 * DeleteBucketLogging: turns logging off (204, also when it was off).
 *
 * @example
 * await deleteBucketLogging(ctx, { bucket: "photos" });
 */
export async function deleteBucketLogging(ctx: OpContext, opts: CallOptions = {}) {
  const bucket = bucketFor(ctx, opts, "deleteBucketLogging");
  const { response } = await ctx.transport.send({
    operation: "deleteBucketLogging",
    method: "DELETE",
    bucket,
    query,
    headers: { "Content-Type": "application/xml", "Content-MD5": contentMd5(new Uint8Array()) },
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  return { requestId: requestIdOf(response) };
}
