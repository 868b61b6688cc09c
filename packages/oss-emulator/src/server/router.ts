import { type AuthConfig, authenticate } from "../auth/index.ts";
import { queryValue } from "../http/address.ts";
import type { RequestContext } from "../http/context.ts";
import { ossError } from "../http/errors.ts";
import type { LoggingConfigStore } from "../logging/config-store.ts";
import { handleLogging } from "../logging/handlers.ts";
import { listObjects } from "../objects/list.ts";
import { deleteObject, getObject, putObject } from "../objects/transfer.ts";
import { type Bucket, isBucketName } from "../storage/buckets.ts";
import { handleStyle } from "../styles/handlers.ts";

/** From an addressed request to the operation that answers it. */

export interface RouteConfig {
  readonly auth: AuthConfig;
  readonly buckets: ReadonlyMap<string, Bucket>;
  readonly styleLimit: number;
  readonly maxXmlBytes: number;
  readonly maxObjectBytes: number;
  readonly logging: LoggingConfigStore;
}

// Bucket sub-resources OSS has and this emulator does not; asking for one must not fall through to a list.
const unsupported = [
  "acl",
  "cors",
  "lifecycle",
  "website",
  "referer",
  "location",
  "bucketInfo",
  "stat",
  "tagging",
  "encryption",
  "versioning",
  "versions",
  "policy",
  "processConfiguration",
  "uploads",
  "uploadId",
  "symlink",
  "worm",
  "inventory",
  "qos",
  "requestPayment",
  "replication",
  "transferAcceleration",
  "append",
  "restore",
];

/**
 * Resolves the bucket, authenticates, and runs the operation. The bucket is checked before the
 * signature, as OSS answers NoSuchBucket to any caller.
 *
 * @example
 * await route(ctx, config);
 */
export async function route(ctx: RequestContext, config: RouteConfig): Promise<void> {
  if (ctx.bucket === undefined) {
    authenticate(ctx, config.auth);
    throw ossError("NotImplemented", {
      message: "Service-level operations (ListBuckets) are not implemented by this emulator.",
    });
  }
  if (!isBucketName(ctx.bucket)) throw ossError("InvalidBucketName", { fields: { BucketName: ctx.bucket } });
  const bucket = config.buckets.get(ctx.bucket);
  if (!bucket) throw ossError("NoSuchBucket", { fields: { BucketName: ctx.bucket } });
  authenticate(ctx, config.auth);
  const sub = unsupported.find((name) => queryValue(ctx.query, name) !== undefined);
  if (sub)
    throw ossError("NotImplemented", {
      message: `The ${sub} sub-resource is not implemented by this emulator.`,
    });
  if (ctx.key === "") return routeBucket(ctx, bucket, config);
  return routeObject(ctx, bucket, config);
}

async function routeBucket(ctx: RequestContext, bucket: Bucket, config: RouteConfig): Promise<void> {
  if (queryValue(ctx.query, "style") !== undefined) return handleStyle(ctx, bucket, config);
  if (queryValue(ctx.query, "logging") !== undefined) return handleLogging(ctx, bucket, config);
  if (ctx.method === "GET") return listObjects(ctx, bucket);
  throw ossError("NotImplemented", {
    message: `${ctx.method} on a bucket is not implemented by this emulator.`,
  });
}

async function routeObject(ctx: RequestContext, bucket: Bucket, config: RouteConfig): Promise<void> {
  switch (ctx.method) {
    case "PUT":
      if (ctx.req.headers["x-oss-copy-source"] !== undefined) {
        throw ossError("NotImplemented", { message: "CopyObject is not implemented by this emulator." });
      }
      return putObject(ctx, bucket, config.maxObjectBytes);
    case "GET":
    case "HEAD":
      return getObject(ctx, bucket);
    case "DELETE":
      return deleteObject(ctx, bucket);
    default:
      throw ossError("MethodNotAllowed", { fields: { Method: ctx.method, ResourceType: "Object" } });
  }
}
