import { queryValue } from "../http/address.ts";
import { readBody } from "../http/body.ts";
import type { RequestContext } from "../http/context.ts";
import { checkContentMd5 } from "../http/digest.ts";
import { ossError } from "../http/errors.ts";
import { sendEmpty, sendXml } from "../http/respond.ts";
import { rfc1123 } from "../http/time.ts";
import type { XmlNode } from "../http/xml.ts";
import type { Bucket } from "../storage/buckets.ts";
import type { StoredStyle } from "../storage/styles.ts";
import { parseStyleBody, validateCategory, validateStyleName } from "./validate.ts";

/** The four style operations on `/?style` (reference §2.2–§2.5). */

export interface StyleLimits {
  /** Styles per bucket (reference §2.6: 50). */
  readonly styleLimit: number;
  /** Cap on a PutStyle body. */
  readonly maxXmlBytes: number;
}

function styleNode(style: StoredStyle): XmlNode {
  return {
    Name: style.name,
    Content: style.content,
    Category: style.category,
    CreateTime: rfc1123(new Date(style.createTime)),
    LastModifyTime: rfc1123(new Date(style.lastModifyTime)),
  };
}

/**
 * Dispatches a bucket-level request that carries the `style` sub-resource.
 *
 * @example
 * await handleStyle(ctx, bucket, { styleLimit: 50, maxXmlBytes: 65536 });
 */
export async function handleStyle(ctx: RequestContext, bucket: Bucket, limits: StyleLimits): Promise<void> {
  const name = queryValue(ctx.query, "styleName");
  switch (ctx.method) {
    case "PUT":
      return putStyle(ctx, bucket, limits);
    case "GET":
      if (name === undefined) {
        sendXml(ctx, 200, "StyleList", { Style: bucket.styles.list().map(styleNode) });
        return;
      }
      return getStyle(ctx, bucket, name);
    case "DELETE":
      await bucket.styles.delete(validateStyleName(name));
      // Absent or not, the answer is the same: DeleteStyle is idempotent (GO1 TestBucketStyle).
      sendEmpty(ctx, 204);
      return;
    default:
      throw ossError("MethodNotAllowed", { fields: { Method: ctx.method, ResourceType: "Style" } });
  }
}

function getStyle(ctx: RequestContext, bucket: Bucket, name: string): void {
  const style = bucket.styles.get(validateStyleName(name));
  if (!style) throw ossError("NoSuchStyle", { fields: { StyleName: name } });
  sendXml(ctx, 200, "Style", styleNode(style));
}

async function putStyle(ctx: RequestContext, bucket: Bucket, limits: StyleLimits): Promise<void> {
  const name = validateStyleName(queryValue(ctx.query, "styleName"));
  const category = validateCategory(queryValue(ctx.query, "category"));
  const body = await readBody(ctx.req, limits.maxXmlBytes);
  checkContentMd5(ctx.req, body);
  const content = parseStyleBody(body);
  const outcome = await bucket.styles.put({ name, content, category }, limits.styleLimit, ctx.now);
  if (outcome === "over-limit") {
    // The current API does not document this error; the legacy IMG API answered 403 AccessDenied (§2.6).
    throw ossError("TooManyStyles", { message: `Your style count is exceeded ${limits.styleLimit}.` });
  }
  sendEmpty(ctx, 200);
}
