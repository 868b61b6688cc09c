import { pipeline } from "node:stream/promises";
import { queryValue } from "../http/address.ts";
import { streamBody } from "../http/body.ts";
import type { RequestContext } from "../http/context.ts";
import { expectedMd5, verifyMd5 } from "../http/digest.ts";
import { ossError } from "../http/errors.ts";
import { sendEmpty, setCommonHeaders } from "../http/respond.ts";
import type { Bucket } from "../storage/buckets.ts";
import { contentTypeFor, objectHeaders, parseRange, userMetaOf, validateKey } from "./headers.ts";
import { processObject } from "./process.ts";

/** PutObject, GetObject, HeadObject and DeleteObject. */

/**
 * PutObject: streams the body to disk (capped at `maxBytes`), checks Content-MD5, publishes atomically.
 *
 * @example
 * await putObject(ctx, bucket, 64 * 1024 * 1024);
 */
export async function putObject(ctx: RequestContext, bucket: Bucket, maxBytes: number): Promise<void> {
  validateKey(ctx.key);
  const expected = expectedMd5(ctx.req);
  const meta = await bucket.objects.put(
    {
      key: ctx.key,
      contentType: contentTypeFor(ctx.req.headers["content-type"], ctx.key),
      userMeta: userMetaOf(ctx.req),
      feed: async (sink) => {
        await streamBody(ctx.req, maxBytes, sink);
      },
      verify: (md5) => verifyMd5(expected, md5),
    },
    ctx.now,
  );
  sendEmpty(ctx, 200, {
    ETag: `"${meta.etag}"`,
    "Content-MD5": Buffer.from(meta.etag, "hex").toString("base64"),
  });
}

function noSuchKey(ctx: RequestContext): Error {
  return ossError("NoSuchKey", { fields: { Key: ctx.key } });
}

/**
 * GetObject and HeadObject, with single byte ranges and `If-None-Match`; `x-oss-process` renders.
 *
 * @example
 * await getObject(ctx, bucket);
 */
export async function getObject(ctx: RequestContext, bucket: Bucket): Promise<void> {
  const process = queryValue(ctx.query, "x-oss-process");
  if (process !== undefined && ctx.method === "GET") return processObject(ctx, bucket, process);
  const opened = await bucket.objects.open(ctx.key);
  if (!opened) throw noSuchKey(ctx);
  const { meta } = opened;
  const headers = objectHeaders(meta);
  setCommonHeaders(ctx);
  if (ctx.req.headers["if-none-match"] === `"${meta.etag}"`) {
    await opened.close();
    ctx.res.writeHead(304, { ETag: headers.ETag, "Last-Modified": headers["Last-Modified"] });
    ctx.res.end();
    return;
  }
  const range = ctx.method === "GET" ? parseRange(ctx.req.headers.range, meta.size) : undefined;
  if (range === "unsatisfiable") {
    await opened.close();
    throw ossError("InvalidArgument", {
      identity: { status: 416, code: "InvalidRange" },
      message: "The requested range cannot be satisfied.",
      headers: { "Content-Range": `bytes */${meta.size}` },
    });
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
