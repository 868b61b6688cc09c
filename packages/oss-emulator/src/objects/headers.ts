import type { IncomingMessage } from "node:http";
import { objectKeyIssues } from "@style-console/contract/names";
import { ossError } from "../http/errors.ts";
import { rfc1123 } from "../http/time.ts";
import type { ObjectMeta } from "../storage/objects.ts";
import { headerText, headerValue } from "./overrides.ts";

/** Object names, content types and the headers an object carries on the wire. */

const byExtension: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  bmp: "image/bmp",
  tif: "image/tiff",
  tiff: "image/tiff",
  heic: "image/heic",
  svg: "image/svg+xml",
  ico: "image/x-icon",
  txt: "text/plain",
  json: "application/json",
  html: "text/html",
  xml: "application/xml",
};

/**
 * The content type to store: the request's, else guessed from the key's extension as OSS does, else
 * `application/octet-stream`.
 *
 * @example
 * contentTypeFor(undefined, "photos/cat.JPG"); // "image/jpeg"
 */
export function contentTypeFor(header: string | undefined, key: string): string {
  if (header) return header;
  const dot = key.lastIndexOf(".");
  const ext = dot === -1 ? "" : key.slice(dot + 1).toLowerCase();
  return byExtension[ext] ?? "application/octet-stream";
}

/**
 * Checks an object name by the contract's rule (`objectKeyIssues`: 1–1023 UTF-8 bytes, not starting with
 * `/` or `\`, no `.` or `..` segment, which no URL can address).
 *
 * @example
 * validateKey("photos/cat.jpg");
 */
export function validateKey(key: string): void {
  const first = objectKeyIssues(key)[0];
  if (first) throw ossError("InvalidObjectName", { message: `The object name is invalid: ${first.message}` });
}

/**
 * The `x-oss-meta-*` headers of a request, names lower-cased.
 *
 * @example
 * userMetaOf(req); // { "x-oss-meta-author": "ann" }
 */
export function userMetaOf(req: IncomingMessage): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (name.startsWith("x-oss-meta-") && values) meta[name] = values.join(",");
  }
  return meta;
}

// The standard headers PutObject stores and GetObject/HeadObject send back (OSS PutObject page).
const storedHeaders = [
  "Cache-Control",
  "Content-Disposition",
  "Content-Encoding",
  "Content-Language",
  "Expires",
];

/**
 * The standard headers of a PutObject request that are kept with the object, as the text their
 * bytes spell (UTF-8 filenames in Content-Disposition included).
 *
 * @example
 * storedHeadersOf(req); // { "Content-Disposition": "attachment" }
 */
export function storedHeadersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of storedHeaders) {
    const value = req.headers[name.toLowerCase()];
    if (typeof value === "string") headers[name] = headerText(value);
  }
  return headers;
}

/**
 * Response headers describing a stored object (GetObject and HeadObject).
 *
 * @example
 * res.writeHead(200, objectHeaders(meta));
 */
export function objectHeaders(meta: ObjectMeta): Record<string, string | number> {
  return {
    ...meta.userMeta,
    // Before Content-Length: see headerValue.
    ...Object.fromEntries(Object.entries(meta.headers ?? {}).map(([k, v]) => [k, headerValue(v)])),
    "Content-Type": meta.contentType,
    "Content-Length": meta.size,
    ETag: `"${meta.etag}"`,
    "Last-Modified": rfc1123(new Date(meta.lastModified)),
    "Accept-Ranges": "bytes",
    "x-oss-object-type": "Normal",
    "x-oss-storage-class": "Standard",
    "Content-MD5": Buffer.from(meta.etag, "hex").toString("base64"),
  };
}
