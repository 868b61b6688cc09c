import { pipeline } from "node:stream/promises";
import { queryValue } from "../http/address.ts";
import { streamBody } from "../http/body.ts";
import type { RequestContext } from "../http/context.ts";
import { expectedMd5, verifyMd5 } from "../http/digest.ts";
import { ossError } from "../http/errors.ts";
import { sendEmpty, setCommonHeaders } from "../http/respond.ts";
import type { Bucket } from "../storage/buckets.ts";
import { ObjectExistsError } from "../storage/objects.ts";
import { evaluateConditions } from "./conditions.ts";
import { contentTypeFor, objectHeaders, storedHeadersOf, userMetaOf, validateKey } from "./headers.ts";
import { refuseUnsupported } from "./options.ts";
import { responseOverrides } from "./overrides.ts";
import { processObject } from "./process.ts";
import type { ProcessGate } from "./process-gate.ts";
import { decideRange } from "./range.ts";

/** PutObject, GetObject, HeadObject and DeleteObject. */

/**
 * PutObject: streams the body to disk (capped at `maxBytes`), checks Content-MD5, publishes atomically;
 * keeps the standard headers and `x-oss-meta-*`; `x-oss-forbid-overwrite: true` refuses an existing key.
 *
 * @example
 * await putObject(ctx, bucket, 64 * 1024 * 1024);
 */
export async function putObject(ctx: RequestContext, bucket: Bucket, maxBytes: number): Promise<void> {
  validateKey(ctx.key);
  refuseUnsupported(ctx, "PutObject");
  const expected = expectedMd5(ctx.req);
  const forbid = String(ctx.req.headers["x-oss-forbid-overwrite"] ?? "").toLowerCase() === "true";
  // Refuse before reading the body when the key is already there; the store checks again at commit.
  if (forbid && bucket.objects.head(ctx.key)) throw alreadyExists(ctx);
  let meta: Awaited<ReturnType<typeof bucket.objects.put>>;
  try {
    meta = await bucket.objects.put(
      {
        key: ctx.key,
        contentType: contentTypeFor(ctx.req.headers["content-type"], ctx.key),
        userMeta: userMetaOf(ctx.req),
        headers: storedHeadersOf(ctx.req),
        ifAbsent: forbid,
        feed: async (sink) => {
          await streamBody(ctx.req, maxBytes, sink);
        },
        verify: (md5) => verifyMd5(expected, md5),
      },
      ctx.now,
    );
  } catch (error) {
    if (error instanceof ObjectExistsError) throw alreadyExists(ctx);
    throw error;
  }
  sendEmpty(ctx, 200, {
    ETag: `"${meta.etag}"`,
    "Content-MD5": Buffer.from(meta.etag, "hex").toString("base64"),
  });
}

function alreadyExists(ctx: RequestContext): Error {
  return ossError("FileAlreadyExists", { fields: { Key: ctx.key }, headers: { Connection: "close" } });
}

function noSuchKey(ctx: RequestContext): Error {
  return ossError("NoSuchKey", { fields: { Key: ctx.key } });
}

/**
 * GetObject and HeadObject: conditional headers (304/412), one byte range as OSS serves it (see
 * `range.ts`), `response-*` overrides; `x-oss-process` renders. Documented options this emulator does
 * not implement are 501 (`options.ts`).
 *
 * @example
 * await getObject(ctx, bucket, processGate);
 */
export async function getObject(ctx: RequestContext, bucket: Bucket, gate: ProcessGate): Promise<void> {
  refuseUnsupported(ctx, ctx.method === "HEAD" ? "HeadObject" : "GetObject");
  const overrides = responseOverrides(ctx);
  const process = queryValue(ctx.query, "x-oss-process");
  if (process !== undefined && ctx.method === "GET")
    return processObject(ctx, bucket, process, gate, overrides);
  const opened = await bucket.objects.open(ctx.key);
  if (!opened) throw noSuchKey(ctx);
  const { meta } = opened;
  // The overrides lead so that they precede Content-Length (see headerValue) and win over the stored values.
  const headers = { ...overrides, ...objectHeaders(meta), ...overrides };
  const outcome = evaluateConditions(ctx.req, meta);
  if (outcome?.status === 412) {
    await opened.close();
    throw ossError("PreconditionFailed", { fields: { Condition: outcome.condition } });
  }
  setCommonHeaders(ctx);
  if (outcome?.status === 304) {
    await opened.close();
    ctx.res.writeHead(304, { ETag: headers.ETag, "Last-Modified": headers["Last-Modified"] });
    ctx.res.end();
    return;
  }
  const strict = String(ctx.req.headers["x-oss-range-behavior"] ?? "").toLowerCase() === "standard";
  const range = ctx.method === "GET" ? decideRange(ctx.req.headers.range, meta.size, strict) : undefined;
  if (range === "unsatisfiable") {
    await opened.close();
    throw ossError("InvalidRange", { headers: { "Content-Range": `bytes */${meta.size}` } });
  }
  if (ctx.method === "HEAD") {
    await opened.close();
    ctx.res.writeHead(200, headers);
    ctx.res.end();
    return;
  }
  if (range) {
    headers["Content-Length"] = range.end - range.start + 1;
    headers["Content-Range"] = `bytes ${range.start}-${range.end}/${meta.size}`;
  }
  ctx.res.writeHead(range ? 206 : 200, headers);
  // pipeline destroys the file stream if the client goes away mid-body.
  await pipeline(opened.stream(range?.start, range?.end), ctx.res).catch(() => undefined);
}

/**
 * DeleteObject: 204 whether or not the object existed.
 *
 * @example
 * await deleteObject(ctx, bucket);
 */
export async function deleteObject(ctx: RequestContext, bucket: Bucket): Promise<void> {
  validateKey(ctx.key);
  await bucket.objects.delete(ctx.key);
  sendEmpty(ctx, 204);
}
