import { queryValue } from "../http/address.ts";
import type { RequestContext } from "../http/context.ts";
import { ossError } from "../http/errors.ts";

/**
 * Every documented request option of the operations the emulator serves, and what it does with each:
 * implemented as the OSS page describes, or refused with 501 NotImplemented. Nothing documented is
 * ignored silently. This table is the one home of that rule: the handlers consult it through
 * `refuseUnsupported`, a test replays every refused row over HTTP, and another test checks that the
 * README's table lists every row.
 *
 * Sources: the API pages GetObject (help.aliyun.com doc-detail/31980), HeadObject (31984), PutObject
 * (31978), ListObjects (31965), ListObjectsV2 (187544), PutStyle/GetStyle/ListStyle/DeleteStyle
 * (reference oss-api.md §2), the HTTP Range page ("x-oss-range-behavior"), and the official SDKs'
 * request models (alibabacloud-oss-go-sdk-v2 `api_op_object.go`, `api_op_bucket.go`).
 */

export type Operation =
  | "GetObject"
  | "HeadObject"
  | "PutObject"
  | "ListObjects"
  | "ListObjectsV2"
  | "PutStyle"
  | "GetStyle"
  | "ListStyle"
  | "DeleteStyle";

export interface OptionRule {
  readonly operations: readonly Operation[];
  readonly name: string;
  readonly in: "query" | "header";
  /** `refused` answers 501; `partial` is implemented for the values `accepts` allows and 501 otherwise. */
  readonly support: "implemented" | "partial" | "refused";
  /** For `partial`: the values that are implemented (compared case-insensitively). */
  readonly accepts?: readonly string[];
  /** What the emulator does, in the README's words. */
  readonly note: string;
}

const objectReads: Operation[] = ["GetObject", "HeadObject"];
const lists: Operation[] = ["ListObjects", "ListObjectsV2"];
const styleByName: Operation[] = ["PutStyle", "GetStyle", "DeleteStyle"];
const responseHeaders = [
  "content-type",
  "content-language",
  "expires",
  "cache-control",
  "content-disposition",
  "content-encoding",
];

export const optionRules: readonly OptionRule[] = [
  // GetObject and HeadObject.
  ...responseHeaders.map(
    (h): OptionRule => ({
      operations: objectReads,
      name: `response-${h}`,
      in: "query",
      support: "implemented",
      note: `sets \`${h.replace(/(^|-)\w/g, (c) => c.toUpperCase())}\` on a 200/206 answer (also on \`x-oss-process\`); a value with a control character is 400 InvalidArgument`,
    }),
  ),
  {
    operations: ["GetObject"],
    name: "Range",
    in: "header",
    support: "implemented",
    note: "one range → 206; by default an invalid or out-of-range one is ignored (200, whole object), several ranges serve the first",
  },
  {
    operations: ["GetObject"],
    name: "x-oss-range-behavior",
    in: "header",
    support: "implemented",
    note: "`standard`: RFC 7233 — an end past the object is clipped (206), a start past it or several ranges are 416 InvalidRange",
  },
  {
    operations: objectReads,
    name: "If-Match",
    in: "header",
    support: "implemented",
    note: "ETag list, `*`, strong comparison (a `W/` tag never matches) → 412 PreconditionFailed",
  },
  {
    operations: objectReads,
    name: "If-None-Match",
    in: "header",
    support: "implemented",
    note: "ETag list, `*`, weak comparison → 304 Not Modified",
  },
  {
    operations: objectReads,
    name: "If-Modified-Since",
    in: "header",
    support: "implemented",
    note: "not modified since (second precision) → 304; ignored with If-None-Match or when not an RFC 1123 date",
  },
  {
    operations: objectReads,
    name: "If-Unmodified-Since",
    in: "header",
    support: "implemented",
    note: "modified since → 412; ignored with If-Match or when not an RFC 1123 date",
  },
  {
    operations: ["GetObject"],
    name: "Accept-Encoding",
    in: "header",
    support: "implemented",
    note: "the body is always sent uncompressed, which HTTP allows for any Accept-Encoding",
  },
  {
    operations: ["GetObject"],
    name: "x-oss-process",
    in: "query",
    support: "implemented",
    note: "`image/…` and `style/<name>` render through `@style-console/imgproc`; Range and conditions do not apply to it",
  },
  {
    operations: objectReads,
    name: "versionId",
    in: "query",
    support: "refused",
    note: "versioning is not implemented",
  },
  {
    operations: ["GetObject", "PutObject"],
    name: "x-oss-traffic-limit",
    in: "header",
    support: "refused",
    note: "bandwidth throttling is not implemented",
  },
  // PutObject.
  ...["Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language", "Expires"].map(
    (h): OptionRule => ({
      operations: ["PutObject"],
      name: h,
      in: "header",
      support: "implemented",
      note: "stored and sent back on GetObject and HeadObject",
    }),
  ),
  {
    operations: ["PutObject"],
    name: "Content-Type",
    in: "header",
    support: "implemented",
    note: "stored; when absent, guessed from the key's extension, else `application/octet-stream`",
  },
  {
    operations: ["PutObject"],
    name: "Content-MD5",
    in: "header",
    support: "implemented",
    note: "checked against the body (400 InvalidDigest / BadDigest)",
  },
  {
    operations: ["PutObject"],
    name: "x-oss-meta-*",
    in: "header",
    support: "implemented",
    note: "stored and sent back",
  },
  {
    operations: ["PutObject"],
    name: "x-oss-forbid-overwrite",
    in: "header",
    support: "implemented",
    note: "`true`: an existing key is 409 FileAlreadyExists and the object is kept (checked atomically with the write)",
  },
  {
    operations: ["PutObject"],
    name: "x-oss-storage-class",
    in: "header",
    support: "partial",
    accepts: ["Standard"],
    note: "`Standard` only (the class every object has here); IA, Archive, ColdArchive, DeepColdArchive → 501",
  },
  {
    operations: ["PutObject"],
    name: "x-oss-object-acl",
    in: "header",
    support: "partial",
    accepts: ["default"],
    note: "`default` only (inherit the bucket's private ACL); other ACLs → 501",
  },
  ...[
    "x-oss-server-side-encryption",
    "x-oss-server-side-data-encryption",
    "x-oss-server-side-encryption-key-id",
  ].map(
    (h): OptionRule => ({
      operations: ["PutObject"],
      name: h,
      in: "header",
      support: "refused",
      note: "server-side encryption is not implemented",
    }),
  ),
  {
    operations: ["PutObject"],
    name: "x-oss-tagging",
    in: "header",
    support: "refused",
    note: "object tagging is not implemented",
  },
  {
    operations: ["PutObject"],
    name: "x-oss-callback",
    in: "header",
    support: "refused",
    note: "upload callbacks are not implemented",
  },
  // ListObjects (V1) and ListObjectsV2.
  ...["prefix", "delimiter", "max-keys"].map(
    (q): OptionRule => ({
      operations: lists,
      name: q,
      in: "query",
      support: "implemented",
      note: q === "max-keys" ? "1–1000, default 100; anything else is 400 InvalidArgument" : "as documented",
    }),
  ),
  {
    operations: lists,
    name: "encoding-type",
    in: "query",
    support: "implemented",
    note: "`url`: Key, Prefix, Delimiter, Marker/NextMarker, StartAfter, (Next)ContinuationToken and CommonPrefixes are percent-encoded and `<EncodingType>url</EncodingType>` is sent; another value is 400 InvalidArgument",
  },
  {
    operations: ["ListObjects"],
    name: "marker",
    in: "query",
    support: "implemented",
    note: "keys after it in UTF-8 byte order",
  },
  ...["list-type", "start-after", "continuation-token", "fetch-owner"].map(
    (q): OptionRule => ({
      operations: ["ListObjectsV2"],
      name: q,
      in: "query",
      support: "implemented",
      note: q === "list-type" ? "`2` selects V2" : "as documented",
    }),
  ),
  {
    operations: [...lists, ...objectReads, "PutObject"],
    name: "x-oss-request-payer",
    in: "header",
    support: "implemented",
    note: "accepted: there is one account, which owns every bucket, so the requester is the payer either way",
  },
  // The style calls (reference §2).
  {
    operations: styleByName,
    name: "styleName",
    in: "query",
    support: "implemented",
    note: "the contract's style-name rule, `styleNameIssues` (400 InvalidArgument, EC 0017-00000250/251)",
  },
  {
    operations: ["PutStyle"],
    name: "category",
    in: "query",
    support: "implemented",
    note: "`image`, `document` or `video`; omitted keeps an existing style's category, else `image`",
  },
  {
    operations: ["PutStyle"],
    name: "Content-MD5",
    in: "header",
    support: "implemented",
    note: "checked against the XML body",
  },
  {
    operations: ["ListStyle"],
    name: "(none)",
    in: "query",
    support: "implemented",
    note: "OSS documents no parameter (no pagination); styles come in creation order",
  },
];

function optionValue(ctx: RequestContext, rule: OptionRule): string | undefined {
  if (rule.in === "query") return queryValue(ctx.query, rule.name);
  const value = ctx.req.headers[rule.name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * Throws 501 NotImplemented naming the first documented option of `operation` that the request
 * carries and the emulator does not implement (or a value of a partly implemented one).
 *
 * @example
 * refuseUnsupported(ctx, "GetObject"); // ?versionId=… → 501 "The versionId query parameter …"
 */
export function refuseUnsupported(ctx: RequestContext, operation: Operation): void {
  for (const rule of optionRules) {
    if (rule.support === "implemented" || !rule.operations.includes(operation)) continue;
    const value = optionValue(ctx, rule);
    if (value === undefined) continue;
    const accepted = rule.accepts?.some((a) => a.toLowerCase() === value.trim().toLowerCase()) ?? false;
    if (accepted) continue;
    const what = rule.in === "query" ? `${rule.name} query parameter` : `${rule.name} header`;
    const shown = value.length > 64 ? `${value.slice(0, 61)}…` : value;
    throw ossError("NotImplemented", {
      message: `The ${what} of ${operation} ("${shown}") is not implemented by this emulator: ${rule.note}.`,
      fields: { ArgumentName: rule.name },
    });
  }
}
