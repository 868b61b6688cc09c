import type { RequestContext } from "../http/context.ts";
import { sendXml, setCommonHeaders } from "../http/respond.ts";
import type { Bucket } from "../storage/buckets.ts";
import { bucketSummary, ownerId } from "./list.ts";

/** GetBucketInfo (`GET /?bucketInfo`) and GetBucketLocation (`GET /?location`), §5 of the reference. */

/**
 * Answers GetBucketInfo with the elements of D-GBI; what the emulator does not model is answered with
 * the value a fresh private bucket has (ACL private, no encryption, no logging, LRS).
 *
 * @example
 * getBucketInfo(ctx, bucket, "test-ak");
 */
export function getBucketInfo(ctx: RequestContext, bucket: Bucket, accessKeyId: string): void {
  const owner = ownerId(accessKeyId);
  sendXml(ctx, 200, "BucketInfo", {
    Bucket: {
      AccessMonitor: "Disabled",
      ...bucketSummary(bucket),
      CrossRegionReplication: "Disabled",
      TransferAcceleration: "Disabled",
      DataRedundancyType: "LRS",
      Owner: { DisplayName: owner, ID: owner },
      AccessControlList: { Grant: "private" },
      ServerSideEncryptionRule: { SSEAlgorithm: "None" },
      BucketPolicy: { LogBucket: "", LogPrefix: "" },
      BlockPublicAccess: "false",
      Comment: "",
    },
  });
}

/**
 * Answers GetBucketLocation: `<LocationConstraint>oss-<region></LocationConstraint>` (D-GBL).
 *
 * @example
 * getBucketLocation(ctx, bucket);
 */
export function getBucketLocation(ctx: RequestContext, bucket: Bucket): void {
  // A root with text only, which the shared builder (elements with children) does not express; the
  // region id is [a-z0-9-] (validated at start-up), so nothing needs escaping.
  const region = bucket.meta.get().region;
  const xml = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint>oss-${region}</LocationConstraint>`,
    "utf8",
  );
  setCommonHeaders(ctx);
  ctx.res.writeHead(200, { "Content-Type": "application/xml", "Content-Length": xml.length });
  ctx.res.end(ctx.method === "HEAD" ? undefined : xml);
}
