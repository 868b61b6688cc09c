import { queryValue } from "../http/address.ts";
import type { RequestContext } from "../http/context.ts";
import { ossError } from "../http/errors.ts";
import { sendXml } from "../http/respond.ts";
import { isXmlText, type XmlNode } from "../http/xml.ts";
import type { Bucket } from "../storage/buckets.ts";
import type { ObjectMeta } from "../storage/objects.ts";
import { refuseUnsupported } from "./options.ts";

/** ListObjectsV2 (`list-type=2`) and the older ListObjects (marker), over keys in UTF-8 byte order. */

interface Page {
  readonly contents: ObjectMeta[];
  readonly prefixes: string[];
  readonly truncated: boolean;
  /** The last key or common prefix returned: where the next page starts after. */
  readonly last: string | undefined;
}

/**
 * One page of keys after `after` that start with `prefix`, rolled up at `delimiter`; each common prefix
 * counts as one entry against `maxKeys`, as in OSS.
 *
 * @example
 * listPage(objects.sorted(), { prefix: "a/", delimiter: "/", after: "", maxKeys: 100 });
 */
export function listPage(
  sorted: readonly ObjectMeta[],
  options: { prefix: string; delimiter: string; after: string; maxKeys: number },
): Page {
  const { prefix, delimiter, after, maxKeys } = options;
  const afterBytes = Buffer.from(after);
  const contents: ObjectMeta[] = [];
  const prefixes: string[] = [];
  let last: string | undefined;
  for (const meta of sorted) {
    if (!meta.key.startsWith(prefix) || Buffer.compare(Buffer.from(meta.key), afterBytes) <= 0) continue;
    const cut = delimiter ? meta.key.indexOf(delimiter, prefix.length) : -1;
    const rolled = cut === -1 ? undefined : meta.key.slice(0, cut + delimiter.length);
    if (rolled !== undefined && rolled === prefixes[prefixes.length - 1]) continue;
    // A prefix handed out on an earlier page (the resume point) is not repeated.
    if (rolled !== undefined && Buffer.compare(Buffer.from(rolled), afterBytes) <= 0) continue;
    if (contents.length + prefixes.length >= maxKeys) return { contents, prefixes, truncated: true, last };
    if (rolled !== undefined) {
      prefixes.push(rolled);
      last = rolled;
    } else {
      contents.push(meta);
      last = meta.key;
    }
  }
  return { contents, prefixes, truncated: false, last };
}

function maxKeysOf(ctx: RequestContext): number {
  const text = queryValue(ctx.query, "max-keys");
  if (text === undefined || text === "") return 100;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw ossError("InvalidArgument", {
      message: `max-keys must be an integer from 1 to 1000, got "${text}".`,
      fields: { ArgumentName: "max-keys", ArgumentValue: text },
    });
  }
  return n;
}

// OSS names the bucket owner in V1 listings (and in V2 with fetch-owner=true); the emulator has one account.
const owner: XmlNode = { ID: "1000000000000000", DisplayName: "1000000000000000" };

function contentsNode(meta: ObjectMeta, withOwner: boolean, name: (text: string) => string): XmlNode {
  const node: XmlNode = {
    Key: name(meta.key),
    LastModified: new Date(meta.lastModified).toISOString(),
    ETag: `"${meta.etag}"`,
    Type: "Normal",
    Size: meta.size,
    StorageClass: "Standard",
  };
  if (withOwner) node.Owner = owner;
  return node;
}

// The token is opaque to clients; base64url of the resume key keeps it printable and URL-safe.
const encodeToken = (key: string): string => Buffer.from(key, "utf8").toString("base64url");
function decodeToken(token: string): string {
  const key = Buffer.from(token, "base64url").toString("utf8");
  if (token === "" || encodeToken(key) !== token) {
    throw ossError("InvalidArgument", {
      message: "The continuation-token is not one this server issued.",
      fields: { ArgumentName: "continuation-token", ArgumentValue: token },
    });
  }
  return key;
}

/**
 * `encoding-type=url` (OSS ListObjects/ListObjectsV2 pages): names are percent-encoded as a URL query
 * component, which the SDKs undo with a query unescape (so `+` must be `%2B`, a space `%20`).
 *
 * @example
 * urlEncode("x/y z+1.txt"); // "x%2Fy%20z%2B1.txt"
 */
export function urlEncode(name: string): string {
  return encodeURIComponent(name).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function encodingOf(ctx: RequestContext): ((name: string) => string) | undefined {
  const value = queryValue(ctx.query, "encoding-type");
  if (value === undefined) return undefined;
  if (value.toLowerCase() === "url") return urlEncode;
  throw ossError("InvalidArgument", {
    message: `encoding-type must be "url", got "${value.slice(0, 64)}".`,
    fields: { ArgumentName: "encoding-type", ArgumentValue: value.slice(0, 64) },
  });
}

/**
 * Answers GET on a bucket without a sub-resource: V2 when `list-type=2`, otherwise V1. With
 * `encoding-type=url` every name is percent-encoded; without it, a name XML 1.0 cannot carry (a
 * control character) is refused with 400 rather than sent as a document no parser accepts.
 *
 * @example
 * listObjects(ctx, bucket);
 */
export function listObjects(ctx: RequestContext, bucket: Bucket): void {
  const v2 = queryValue(ctx.query, "list-type") === "2";
  refuseUnsupported(ctx, v2 ? "ListObjectsV2" : "ListObjects");
  const encode = encodingOf(ctx);
  const name = (text: string): string => {
    if (encode) return encode(text);
    if (!isXmlText(text)) {
      throw ossError("InvalidArgument", {
        message:
          "The listing holds a name with a character XML 1.0 cannot carry (a control character); list with encoding-type=url.",
        fields: { ArgumentName: "encoding-type" },
      });
    }
    return text;
  };
  const prefix = queryValue(ctx.query, "prefix") ?? "";
  const delimiter = queryValue(ctx.query, "delimiter") ?? "";
  const maxKeys = maxKeysOf(ctx);
  const token = queryValue(ctx.query, "continuation-token");
  const startAfter = queryValue(ctx.query, "start-after") ?? "";
  const marker = queryValue(ctx.query, "marker") ?? "";
  const after = v2 ? (token !== undefined ? decodeToken(token) : startAfter) : marker;
  const page = listPage(bucket.objects.sorted(), { prefix, delimiter, after, maxKeys });
  const node: XmlNode = { Name: bucket.name, Prefix: name(prefix) };
  if (v2) {
    if (startAfter) node.StartAfter = name(startAfter);
    if (token !== undefined) node.ContinuationToken = name(token);
  } else {
    node.Marker = name(marker);
  }
  node.MaxKeys = maxKeys;
  node.Delimiter = name(delimiter);
  if (encode) node.EncodingType = "url";
  node.IsTruncated = String(page.truncated);
  if (page.truncated && page.last !== undefined) {
    if (v2) node.NextContinuationToken = name(encodeToken(page.last));
    else node.NextMarker = name(page.last);
  }
  if (v2) node.KeyCount = page.contents.length + page.prefixes.length;
  const withOwner = !v2 || queryValue(ctx.query, "fetch-owner") === "true";
  node.Contents = page.contents.map((meta) => contentsNode(meta, withOwner, name));
  node.CommonPrefixes = page.prefixes.map((p) => ({ Prefix: name(p) }));
  sendXml(ctx, 200, "ListBucketResult", node);
}
