import { type ServerResponse, STATUS_CODES } from "node:http";
import type { OssError } from "./errors.ts";
import { rfc1123 } from "./time.ts";
import { isXmlCodePoint, toXml, type XmlNode } from "./xml.ts";

// An error quotes what the client sent (a key, a header); XML 1.0 cannot carry control characters,
// so they are shown as U+FFFD rather than making the whole answer unparsable.
const xmlSafe = (text: string): string =>
  Array.from(text, (c) => (isXmlCodePoint(c.codePointAt(0) ?? 0) ? c : "\uFFFD")).join("");

/** Response writing: the headers OSS puts on every answer, XML bodies, and the one error handler. */

export interface ResponseTarget {
  readonly id: string;
  readonly res: ServerResponse;
  readonly method: string;
  readonly host: string;
  /** The server's clock: `Date` follows it, so a client correcting its skew sees the server's time. */
  readonly clock: () => Date;
}

/**
 * Sets `x-oss-request-id`, `Date` and `Server`, which OSS sends on every response.
 *
 * @example
 * setCommonHeaders(ctx);
 */
export function setCommonHeaders(target: ResponseTarget): void {
  const { res } = target;
  if (res.headersSent) return;
  res.setHeader("x-oss-request-id", target.id);
  res.setHeader("Date", rfc1123(target.clock()));
  res.setHeader("Server", "AliyunOSS");
}

/**
 * Ends the response with an XML document (`Content-Type: application/xml`).
 *
 * @example
 * sendXml(ctx, 200, "StyleList", { Style: [] });
 */
export function sendXml(target: ResponseTarget, status: number, root: string, body: XmlNode): void {
  const xml = Buffer.from(toXml(root, body), "utf8");
  setCommonHeaders(target);
  target.res.writeHead(status, { "Content-Type": "application/xml", "Content-Length": xml.length });
  target.res.end(target.method === "HEAD" ? undefined : xml);
}

/**
 * Ends the response with no body (`204`, or `200` for PutStyle).
 *
 * @example
 * sendEmpty(ctx, 204);
 */
export function sendEmpty(
  target: ResponseTarget,
  status: number,
  headers: Record<string, string> = {},
): void {
  setCommonHeaders(target);
  target.res.writeHead(status, { ...headers, "Content-Length": 0 });
  target.res.end();
}

/**
 * Answers an `OssError` as OSS does: `<Error>` XML with Code, Message, RequestId, HostId, the extra fields
 * and EC, plus `x-oss-ec`; a HEAD answer has no body, so the XML travels base64-encoded in `x-oss-err`.
 *
 * @example
 * sendError(ctx, ossError("NoSuchKey"));
 */
export function sendError(target: ResponseTarget, error: OssError): void {
  const { res } = target;
  if (res.headersSent) {
    // Part of a body is already out: the only honest signal left is a broken connection.
    res.destroy();
    return;
  }
  const node: XmlNode = {
    Code: error.code,
    Message: xmlSafe(error.message),
    RequestId: target.id,
    HostId: xmlSafe(target.host),
  };
  for (const [name, value] of error.fields) node[name] = xmlSafe(value);
  if (error.ec) {
    node.EC = error.ec;
    node.RecommendDoc = `https://api.aliyun.com/troubleshoot?q=${error.ec}`;
  }
  const xml = Buffer.from(toXml("Error", node), "utf8");
  setCommonHeaders(target);
  const headers: Record<string, string | number> = { ...error.headers, "Content-Type": "application/xml" };
  if (error.ec) headers["x-oss-ec"] = error.ec;
  if (target.method === "HEAD") {
    headers["x-oss-err"] = xml.toString("base64");
    headers["Content-Length"] = 0;
    res.writeHead(error.status, headers);
    res.end();
    return;
  }
  headers["Content-Length"] = xml.length;
  res.writeHead(error.status, headers);
  res.end(xml);
}

/**
 * The bytes of an OSS error answer for a request Node could not even parse (bad request line, headers
 * too large), so that it too carries `x-oss-request-id` and `<Error>` XML; the connection is then closed.
 *
 * @example
 * socket.end(rawErrorResponse(newRequestId(), ossError("InvalidArgument", { message: "Bad HTTP." })));
 */
export function rawErrorResponse(id: string, error: OssError): Buffer {
  const xml = toXml("Error", { Code: error.code, Message: error.message, RequestId: id, HostId: "" });
  const body = Buffer.from(xml, "utf8");
  const head = [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? "Error"}`,
    `x-oss-request-id: ${id}`,
    `Date: ${rfc1123(new Date())}`,
    "Server: AliyunOSS",
    "Content-Type: application/xml",
    `Content-Length: ${body.length}`,
    "Connection: close",
    "",
    "",
  ].join("\r\n");
  return Buffer.concat([Buffer.from(head, "latin1"), body]);
}
