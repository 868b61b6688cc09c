import {
  bucketFor,
  type CallOptions,
  contentMd5,
  invalidArgument,
  type OpContext,
  requestIdOf,
} from "./context.ts";
import { childList, childText, parseXmlDocument, styleBody, type XmlNode } from "./xml.ts";

/** An image style as GetStyle/ListStyle return it. Times are OSS's RFC 1123 strings. */
export interface Style {
  readonly name: string;
  readonly content: string;
  readonly category: string | undefined;
  readonly createTime: string | undefined;
  readonly lastModifyTime: string | undefined;
}

export interface PutStyleOptions extends CallOptions {
  /** `image`, `document` or `video`; OSS's default when omitted is undocumented. */
  readonly category?: string | undefined;
}

const EMPTY_MD5 = contentMd5(new Uint8Array());
// The v2 SDKs send these on every style call, bodiless ones included; matching them keeps our
// signatures identical to theirs (derived vector style-get).
const STYLE_HEADERS = { "Content-Type": "application/xml", "Content-MD5": EMPTY_MD5 };

function styleQuery(name: string, operation: string): [string, string][] {
  if (typeof name !== "string") throw invalidArgument(operation, "style name must be a string");
  return [
    ["style", ""],
    ["styleName", name],
  ];
}

function toStyle(node: XmlNode, path: string, operation: string): Style {
  return {
    name: childText(node, "Name", path, operation, true),
    content: childText(node, "Content", path, operation, true),
    category: childText(node, "Category", path, operation),
    createTime: childText(node, "CreateTime", path, operation),
    lastModifyTime: childText(node, "LastModifyTime", path, operation),
  };
}

/**
 * PutStyle: create or overwrite (upsert). Resolves to the request id.
 *
 * @example
 * await putStyle(ctx, "thumb_200", "image/resize,w_200/quality,q_90", { category: "image" });
 */
export async function putStyle(ctx: OpContext, name: string, content: string, opts: PutStyleOptions = {}) {
  const bucket = bucketFor(ctx, opts, "putStyle");
  const body = new TextEncoder().encode(styleBody(content));
  const query = styleQuery(name, "putStyle");
  if (opts.category !== undefined) query.unshift(["category", opts.category]);
  const headers = { "Content-Type": "application/xml", "Content-MD5": contentMd5(body) };
  const { response } = await ctx.transport.send({
    operation: "putStyle",
    method: "PUT",
    bucket,
    query,
    headers,
    body,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  return { requestId: requestIdOf(response) };
}

/**
 * GetStyle: one style, or OssError `NoSuchStyle` (404).
 *
 * @example
 * (await getStyle(ctx, "thumb_200")).content; // "image/resize,w_200/quality,q_90"
 */
export async function getStyle(ctx: OpContext, name: string, opts: CallOptions = {}): Promise<Style> {
  const bucket = bucketFor(ctx, opts, "getStyle");
  const query = styleQuery(name, "getStyle");
  const { text, response } = await ctx.transport.send({
    operation: "getStyle",
    method: "GET",
    bucket,
    query,
    headers: STYLE_HEADERS,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  return toStyle(parseXmlDocument(text, "Style", "getStyle", response.status), "Style", "getStyle");
}

/**
 * ListStyle: every style of the bucket (no pagination in the API), in the server's order.
 *
 * @example
 * (await listStyles(ctx)).map((s) => s.name); // [] for a bucket without styles
 */
export async function listStyles(ctx: OpContext, opts: CallOptions = {}): Promise<Style[]> {
  const bucket = bucketFor(ctx, opts, "listStyles");
  const { text, response } = await ctx.transport.send({
    operation: "listStyles",
    method: "GET",
    bucket,
    query: [["style", ""]],
    headers: STYLE_HEADERS,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  const root = parseXmlDocument(text, "StyleList", "listStyles", response.status);
  return childList(root, "Style", "StyleList", "listStyles").map((s, i) =>
    toStyle(s, `StyleList><Style[${i}]`, "listStyles"),
  );
}

/**
 * DeleteStyle: 204, also when the style does not exist.
 *
 * @example
 * await deleteStyle(ctx, "thumb_200");
 */
export async function deleteStyle(ctx: OpContext, name: string, opts: CallOptions = {}) {
  const bucket = bucketFor(ctx, opts, "deleteStyle");
  const query = styleQuery(name, "deleteStyle");
  const { response } = await ctx.transport.send({
    operation: "deleteStyle",
    method: "DELETE",
    bucket,
    query,
    headers: STYLE_HEADERS,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  return { requestId: requestIdOf(response) };
}
