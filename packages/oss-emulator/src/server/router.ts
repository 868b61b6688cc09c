import { type AuthConfig, authenticate, type RegionRule } from "../auth/index.ts";
import { splitDelimitedStyle } from "../buckets/delimiter.ts";
import { getBucketInfo, getBucketLocation } from "../buckets/info.ts";
import { listBuckets } from "../buckets/list.ts";
import { handleProcessConfiguration } from "../buckets/process-config.ts";
import { endpointHost, queryValue } from "../http/address.ts";
import type { RequestContext } from "../http/context.ts";
import { ossError } from "../http/errors.ts";
import type { LoggingConfigStore } from "../logging/config-store.ts";
import { handleLogging } from "../logging/handlers.ts";
import { listObjects } from "../objects/list.ts";
import { processObject } from "../objects/process.ts";
import type { ProcessGate } from "../objects/process-gate.ts";
import { deleteObject, getObject, putObject } from "../objects/transfer.ts";
import { type Bucket, isBucketName } from "../storage/buckets.ts";
import { handleStyle } from "../styles/handlers.ts";

/** From an addressed request to the operation that answers it. */

export interface RouteConfig {
  readonly auth: AuthConfig;
  readonly buckets: ReadonlyMap<string, Bucket>;
  /** The region of buckets named without one; a service request on a bare address may sign for it. */
  readonly defaultRegion: string;
  readonly styleLimit: number;
  readonly maxXmlBytes: number;
  readonly maxObjectBytes: number;
  readonly logging: LoggingConfigStore;
  /** Admits `x-oss-process` renders within the process's image memory. */
  readonly processGate: ProcessGate;
}

// Bucket sub-resources OSS has and this emulator does not; asking for one must not fall through to a list.
const unsupported = [
  "acl",
  "cors",
  "lifecycle",
  "website",
  "referer",
  "stat",
  "tagging",
  "encryption",
  "versioning",
  "versions",
  "policy",
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
 * signature, as OSS answers NoSuchBucket to any caller; then the endpoint: a bucket addressed through
 * another region's endpoint is refused with the endpoint it must use (oss-logging-buckets.md §6.1),
 * except GetBucketInfo, which OSS documents as callable from any endpoint (§5.1).
 *
 * @example
 * await route(ctx, config);
 */
export async function route(ctx: RequestContext, config: RouteConfig): Promise<void> {
  if (ctx.bucket === undefined) return routeService(ctx, config);
  if (!isBucketName(ctx.bucket)) throw ossError("InvalidBucketName", { fields: { BucketName: ctx.bucket } });
  const bucket = config.buckets.get(ctx.bucket);
  if (!bucket) throw ossError("NoSuchBucket", { fields: { BucketName: ctx.bucket } });
  const region = bucket.meta.get().region;
  const info = ctx.key === "" && queryValue(ctx.query, "bucketInfo") !== undefined;
  let regions: RegionRule = { accept: [region], source: "bucket" };
  if (ctx.endpoint && ctx.endpoint.region !== region) {
    if (!info) {
      throw ossError("WrongEndpoint", {
        fields: {
          Bucket: bucket.name,
          Endpoint: endpointHost({ region, internal: ctx.endpoint.internal }),
        },
      });
    }
    regions = { accept: [ctx.endpoint.region, region], source: "endpoint" };
  } else if (ctx.endpoint) {
    regions = { accept: [region], source: "endpoint" };
  }
  const credential = authenticate(ctx, config.auth, regions);
  if (info) {
    if (ctx.method !== "GET") throw methodNotAllowed(ctx.method);
    return getBucketInfo(ctx, bucket, credential.accessKeyId);
  }
  const sub = unsupported.find((name) => queryValue(ctx.query, name) !== undefined);
  if (sub)
    throw ossError("NotImplemented", {
      message: `The ${sub} sub-resource is not implemented by this emulator.`,
    });
  if (ctx.key === "") return routeBucket(ctx, bucket, config);
  return routeObject(ctx, bucket, config);
}

function methodNotAllowed(method: string): Error {
  return ossError("MethodNotAllowed", { fields: { Method: method, ResourceType: "Bucket" } });
}

/**
 * `GET /` on a bare endpoint is ListBuckets. Signed for the region of the endpoint the Host names, or,
 * on a bare address (the emulator serves every region on one), for any region it serves.
 */
function routeService(ctx: RequestContext, config: RouteConfig): void {
  const served = new Set([config.defaultRegion]);
  for (const b of config.buckets.values()) served.add(b.meta.get().region);
  const regions: RegionRule = ctx.endpoint
    ? { accept: [ctx.endpoint.region], source: "endpoint" }
    : { accept: [...served], source: "service" };
  const credential = authenticate(ctx, config.auth, regions);
  if (ctx.method !== "GET") {
    throw ossError("MethodNotAllowed", { fields: { Method: ctx.method, ResourceType: "Service" } });
  }
  listBuckets(ctx, config.buckets, credential.accessKeyId);
}

async function routeBucket(ctx: RequestContext, bucket: Bucket, config: RouteConfig): Promise<void> {
  if (queryValue(ctx.query, "style") !== undefined) return handleStyle(ctx, bucket, config);
  if (queryValue(ctx.query, "location") !== undefined) {
    if (ctx.method !== "GET") throw methodNotAllowed(ctx.method);
    return getBucketLocation(ctx, bucket);
  }
  if (queryValue(ctx.query, "processConfiguration") !== undefined) {
    return handleProcessConfiguration(ctx, bucket, config.maxXmlBytes);
  }
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
    case "HEAD": {
      const delimited =
        ctx.method === "GET" && queryValue(ctx.query, "x-oss-process") === undefined
          ? splitDelimitedStyle(bucket, ctx.key)
          : undefined;
      if (delimited)
        return processObject(
          { ...ctx, key: delimited.key },
          bucket,
          `style/${delimited.style}`,
          config.processGate,
        );
      return getObject(ctx, bucket, config.processGate);
    }
    case "DELETE":
      return deleteObject(ctx, bucket);
    default:
      throw ossError("MethodNotAllowed", { fields: { Method: ctx.method, ResourceType: "Object" } });
  }
}
