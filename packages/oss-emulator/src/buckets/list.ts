import { createHash } from "node:crypto";
import { endpointHost, queryValue } from "../http/address.ts";
import type { RequestContext } from "../http/context.ts";
import { ossError } from "../http/errors.ts";
import { sendXml } from "../http/respond.ts";
import type { XmlNode } from "../http/xml.ts";
import type { Bucket } from "../storage/buckets.ts";

/** ListBuckets (GetService), `GET /` on a bare endpoint (oss-logging-buckets.md §4). */

/**
 * The owner id the emulator reports: digits derived from the primary AccessKey id, so it is stable
 * across restarts and never reveals the key (OSS's `Owner/ID` is the account's numeric id).
 *
 * @example
 * ownerId("test-ak"); // "1535…" (16 digits)
 */
export function ownerId(accessKeyId: string): string {
  const hex = createHash("sha256").update(accessKeyId).digest("hex").slice(0, 13);
  return String(Number.parseInt(hex, 16)).padStart(16, "1").slice(0, 16);
}

/**
 * The `<Bucket>` element shared by ListBuckets and GetBucketInfo (§4.3, §5.1).
 *
 * @example
 * bucketSummary(bucket); // { Name, CreationDate, Location: "oss-cn-hangzhou", Region: "cn-hangzhou", … }
 */
export function bucketSummary(bucket: Bucket): XmlNode {
  const { region, creationDate } = bucket.meta.get();
  return {
    CreationDate: new Date(creationDate).toISOString(),
    ExtranetEndpoint: endpointHost({ region, internal: false }),
    IntranetEndpoint: endpointHost({ region, internal: true }),
    Location: `oss-${region}`,
    Name: bucket.name,
    Region: region,
    StorageClass: "Standard",
    ResourceGroupId: "rg-default-id",
  };
}

function maxKeysOf(text: string | undefined): number {
  if (text === undefined) return 100;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 1000) {
    throw ossError("InvalidArgument", {
      message: `max-keys must be an integer 1–1000, got "${text.slice(0, 32)}".`,
      fields: { ArgumentName: "max-keys", ArgumentValue: text.slice(0, 32) },
    });
  }
  return n;
}

/**
 * Answers ListBuckets: the account's buckets in every region, by name, after `marker`, starting with
 * `prefix`, at most `max-keys` (1–1000, default 100). The paging elements are sent only when the
 * request pages or the answer is truncated (§4.3: omitted when all buckets are returned).
 * `x-oss-resource-group-id`: every emulated bucket is in the default group (`rg-default-id`).
 *
 * @example
 * listBuckets(ctx, buckets, "test-ak");
 */
export function listBuckets(
  ctx: RequestContext,
  buckets: ReadonlyMap<string, Bucket>,
  accessKeyId: string,
): void {
  for (const name of ["tag-key", "tag-value", "tagging"]) {
    if (queryValue(ctx.query, name) !== undefined) {
      throw ossError("NotImplemented", {
        message: `Filtering ListBuckets by ${name} is not implemented by this emulator (its buckets have no tags).`,
      });
    }
  }
  const group = ctx.req.headers["x-oss-resource-group-id"];
  const groupId = Array.isArray(group) ? group[0] : group;
  if (groupId !== undefined && groupId !== "" && !groupId.startsWith("rg-")) {
    throw ossError("InvalidArgument", {
      identity: { status: 400, code: "InvalidArgument", ec: "0017-00000138" },
      message: `The resource group id "${groupId.slice(0, 64)}" is invalid: it must start with "rg-".`,
    });
  }
  const prefix = queryValue(ctx.query, "prefix") ?? "";
  const marker = queryValue(ctx.query, "marker") ?? "";
  const maxKeysText = queryValue(ctx.query, "max-keys");
  const maxKeys = maxKeysOf(maxKeysText === "" ? undefined : maxKeysText);
  const inGroup = groupId === undefined || groupId === "" || groupId === "rg-default-id";
  const names = inGroup ? [...buckets.keys()].filter((n) => n.startsWith(prefix) && n > marker).sort() : [];
  const page = names.slice(0, maxKeys);
  const truncated = names.length > page.length;
  const paging = truncated || prefix !== "" || marker !== "" || maxKeysText !== undefined;
  const owner = ownerId(accessKeyId);
  const body: XmlNode = {};
  if (paging) {
    body.Prefix = prefix;
    body.Marker = marker;
    body.MaxKeys = maxKeys;
    body.IsTruncated = String(truncated);
    if (truncated) body.NextMarker = page[page.length - 1] ?? "";
  }
  body.Owner = { ID: owner, DisplayName: owner };
  body.Buckets = {
    Bucket: page.map((name) => bucketSummary(buckets.get(name) as Bucket)),
  };
  sendXml(ctx, 200, "ListAllMyBucketsResult", body);
}
