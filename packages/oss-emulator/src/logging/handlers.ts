import { OBJECT_KEY_MAX_BYTES } from "@style-console/contract/names";
import { readBody } from "../http/body.ts";
import type { RequestContext } from "../http/context.ts";
import { checkContentMd5 } from "../http/digest.ts";
import { ossError } from "../http/errors.ts";
import { sendEmpty, sendXml } from "../http/respond.ts";
import { parseXml, type XmlNode } from "../http/xml.ts";
import type { Bucket } from "../storage/buckets.ts";
import type { LoggingConfig, LoggingConfigStore } from "./config-store.ts";

/**
 * PutBucketLogging, GetBucketLogging and DeleteBucketLogging on `/?logging`
 * (shared/reference/oss-logging-buckets.md §1.2–§1.5).
 */

export interface LoggingDeps {
  readonly logging: LoggingConfigStore;
  readonly buckets: ReadonlyMap<string, Bucket>;
  readonly maxXmlBytes: number;
}

// Keys are 1–1023 bytes (EC 0017-00000201); the log name adds the bucket and 25 characters (§8).
const MAX_KEY_BYTES = OBJECT_KEY_MAX_BYTES;

function text(node: Record<string, unknown>, name: string): string | undefined {
  const value = node[name];
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  // <TargetPrefix></TargetPrefix> and <TargetPrefix/> parse as "" with this parser; a repeated or nested
  // element does not.
  throw ossError("MalformedXML", { message: `${name} must be text, given once.` });
}

/**
 * Reads a `BucketLoggingStatus` body as every SDK sends it (§1.2): with or without the declaration,
 * `TargetPrefix` or `LoggingRole`; no `LoggingEnabled` means "disable".
 *
 * @example
 * parseLoggingBody("<BucketLoggingStatus><LoggingEnabled><TargetBucket>logs</TargetBucket></LoggingEnabled></BucketLoggingStatus>");
 * // { targetBucket: "logs", targetPrefix: "" }
 */
export function parseLoggingBody(xml: string): LoggingConfig | undefined {
  const doc = parseXml(xml);
  if (doc === undefined || Object.keys(doc).length !== 1 || !("BucketLoggingStatus" in doc))
    throw ossError("MalformedXML", { message: "The body must be one BucketLoggingStatus element." });
  const root = doc.BucketLoggingStatus;
  if (root === "" || root === undefined) return undefined;
  if (typeof root !== "object" || root === null || Array.isArray(root))
    throw ossError("MalformedXML", { message: "BucketLoggingStatus must hold at most one LoggingEnabled." });
  const enabled = (root as Record<string, unknown>).LoggingEnabled;
  if (enabled === undefined) return undefined;
  if (typeof enabled !== "object" || enabled === null || Array.isArray(enabled))
    throw ossError("MalformedXML", { message: "LoggingEnabled must hold TargetBucket, once." });
  const node = enabled as Record<string, unknown>;
  const targetBucket = text(node, "TargetBucket");
  if (targetBucket === undefined || targetBucket === "")
    throw ossError("MalformedXML", { message: "LoggingEnabled needs a TargetBucket." });
  const loggingRole = text(node, "LoggingRole");
  return {
    targetBucket,
    targetPrefix: text(node, "TargetPrefix") ?? "",
    ...(loggingRole === undefined ? {} : { loggingRole }),
  };
}

function configNode(config: LoggingConfig | undefined): XmlNode {
  if (!config) return {};
  const enabled: XmlNode = { TargetBucket: config.targetBucket, TargetPrefix: config.targetPrefix };
  if (config.loggingRole !== undefined) enabled.LoggingRole = config.loggingRole;
  return { LoggingEnabled: enabled };
}

/**
 * Dispatches a bucket-level request carrying the `logging` sub-resource.
 *
 * @example
 * await handleLogging(ctx, bucket, { logging, buckets, maxXmlBytes: 65536 });
 */
export async function handleLogging(ctx: RequestContext, bucket: Bucket, deps: LoggingDeps): Promise<void> {
  switch (ctx.method) {
    case "PUT": {
      const body = await readBody(ctx.req, deps.maxXmlBytes);
      checkContentMd5(ctx.req, body);
      const config = parseLoggingBody(body.toString("utf8"));
      if (config) validateTarget(bucket.name, config, deps);
      await deps.logging.set(bucket.name, config);
      sendEmpty(ctx, 200);
      return;
    }
    case "GET":
      sendXml(ctx, 200, "BucketLoggingStatus", configNode(deps.logging.get(bucket.name)));
      return;
    case "DELETE":
      // Idempotent: 204 also when logging was never enabled (§1.4).
      await deps.logging.set(bucket.name, undefined);
      sendEmpty(ctx, 204);
      return;
    default:
      throw ossError("MethodNotAllowed", { fields: { Method: ctx.method, ResourceType: "Bucket" } });
  }
}

function validateTarget(source: string, config: LoggingConfig, deps: LoggingDeps): void {
  // Every bucket here has one owner and one region, so the only failing case is a target that does not
  // exist (Java v1's description of the code; status undocumented, §10.15: 400 as the region case).
  if (!deps.buckets.has(config.targetBucket)) {
    throw ossError("InvalidTargetBucketForLogging", {
      message: `The target bucket "${config.targetBucket}" does not exist.`,
      fields: { TargetBucket: config.targetBucket },
    });
  }
  const longest = Buffer.byteLength(`${config.targetPrefix}${source}2026-11-29-10-00-00-0000`, "utf8");
  if (longest > MAX_KEY_BYTES) {
    throw ossError("InvalidArgument", {
      message: `TargetPrefix is too long: log object names would pass ${MAX_KEY_BYTES} bytes.`,
      fields: { ArgumentName: "TargetPrefix" },
    });
  }
}
