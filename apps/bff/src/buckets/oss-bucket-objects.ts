import { type OssClient, OssError } from "@style-console/oss";
import { HttpError } from "../http/error.ts";
import type { BucketObjects, FetchedObject, GetOptions } from "./bucket-objects.ts";
import { upstreamError } from "./upstream-error.ts";

const tooLarge = (key: string, maxBytes: number) =>
  new HttpError("SourceTooLarge", `The object "${key}" is larger than ${maxBytes} bytes, the limit here.`);

// Reads a body stream to the end, stopping (and cancelling the download) as soon as it passes the cap:
// the cap must hold even when Content-Length is absent or lies.
async function readCapped(body: ReadableStream<Uint8Array>, key: string, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(key, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * One bucket's objects over the OSS client. `secrets` are cut out of any OSS message.
 * @example
 * const objects = ossBucketObjects(client, "photos", [secret]);
 * const { bytes } = await objects.get("a.jpg", { maxBytes: 20 * 1024 * 1024 });
 */
export function ossBucketObjects(
  client: OssClient,
  bucket: string,
  secrets: readonly string[],
): BucketObjects {
  const call = async <T>(key: string | undefined, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof OssError && error.code === "NoSuchKey" && key !== undefined) {
        throw new HttpError("NoSuchKey", `Bucket "${bucket}" has no object "${key}".`, {
          ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
        });
      }
      throw upstreamError(error, bucket, secrets);
    }
  };
  return {
    list: ({ prefix, cursor, maxKeys }) =>
      call(undefined, async () => {
        const page = await client.listObjects({ bucket, prefix, continuationToken: cursor, maxKeys });
        return {
          objects: page.objects.map((o) => ({
            key: o.key,
            size: o.size,
            lastModified: o.lastModified ?? null,
            etag: o.etag ?? null,
          })),
          nextCursor: page.nextContinuationToken ?? null,
        };
      }),
    etag: (key, signal) =>
      call(key, async () => (await client.headObject(key, { bucket, signal })).etag ?? null),
    get: (key, options: GetOptions) =>
      call(key, async (): Promise<FetchedObject> => {
        const object = await client.getObject(key, {
          bucket,
          process: options.process,
          signal: options.signal,
        });
        if (object.contentLength !== undefined && object.contentLength > options.maxBytes) {
          await object.body.cancel().catch(() => {});
          throw tooLarge(key, options.maxBytes);
        }
        return {
          bytes: await readCapped(object.body, key, options.maxBytes),
          etag: object.etag ?? null,
          contentType: object.contentType ?? null,
          requestId: object.requestId ?? null,
        };
      }),
  };
}
