import { type BucketLogging, type OssClient, OssError } from "@style-console/oss";
import { HttpError } from "../http/error.ts";
import { upstreamError } from "./upstream-error.ts";

/**
 * What the usage feature needs from OSS: a bucket's logging configuration, and the log objects in the
 * target bucket (which need not be a managed bucket). Implemented over `@style-console/oss`, so the same
 * V4-signed calls reach real OSS or the embedded emulator, and every one passes the client's hooks (and
 * is counted). Failures leave as `HttpError`s with the OSS request id.
 */
export interface LogSource {
  getLogging(bucket: string): Promise<BucketLogging | undefined>;
  putLogging(bucket: string, config: BucketLogging | undefined): Promise<void>;
  /** Keys under `prefix` after `startAfter`, in key order, page by page. */
  list(targetBucket: string, prefix: string, startAfter: string | undefined): AsyncIterable<string>;
  /** The object's bytes as a stream, or `undefined` when it is gone (NoSuchKey). */
  read(
    targetBucket: string,
    key: string,
    signal?: AbortSignal,
  ): Promise<AsyncIterable<Uint8Array> | undefined>;
  /**
   * The bucket's custom style delimiters in effect on OSS domains (GetProcessConfiguration's
   * `StyleDelimiters`, reference oss-logging-buckets.md §7): empty when none is set, or when
   * `CompliedHost` is `Img` (then they work only on the retired IMG domain, whose requests no
   * managed bucket receives).
   */
  styleDelimiters(bucket: string): Promise<string[]>;
}

/**
 * The {@link LogSource} over one OSS client.
 * @example
 * const source = ossLogSource(client, [secret]);
 * for await (const key of source.list("logs", "photos/photos", undefined)) …
 */
export function ossLogSource(client: OssClient, secrets: readonly string[]): LogSource {
  const call = async <T>(bucket: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw upstreamError(error, bucket, secrets);
    }
  };
  return {
    getLogging: (bucket) => call(bucket, () => client.getBucketLogging({ bucket })),
    putLogging: (bucket, config) =>
      call(bucket, async () => {
        try {
          await client.putBucketLogging(config, { bucket });
        } catch (error) {
          // The person chose the target: OSS refusing it is their input to fix, not an upstream failure.
          if (error instanceof OssError && error.code === "InvalidTargetBucketForLogging") {
            throw new HttpError(
              "InvalidTargetBucketForLogging",
              `OSS refused "${config?.targetBucket}" as the log bucket: it must exist, belong to the same account and be in the same region.`,
              error.requestId ? { requestId: error.requestId } : {},
            );
          }
          throw error;
        }
      }),
    async *list(targetBucket, prefix, startAfter) {
      let continuationToken: string | undefined;
      for (;;) {
        const page = await call(targetBucket, () =>
          client.listObjects({
            bucket: targetBucket,
            prefix,
            maxKeys: 1000,
            ...(continuationToken ? { continuationToken } : startAfter ? { startAfter } : {}),
          }),
        );
        for (const object of page.objects) yield object.key;
        if (!page.isTruncated || !page.nextContinuationToken) return;
        continuationToken = page.nextContinuationToken;
      }
    },
    read: (targetBucket, key, signal) =>
      call(targetBucket, async () => {
        try {
          const { body } = await client.getObject(key, { bucket: targetBucket, signal });
          return body as unknown as AsyncIterable<Uint8Array>;
        } catch (error) {
          if (error instanceof OssError && error.code === "NoSuchKey") return undefined;
          throw error;
        }
      }),
    styleDelimiters: (bucket) =>
      call(bucket, async () => {
        const config = await client.getProcessConfiguration({ bucket });
        // A bucket never configured reads back `Both` with no delimiters (J1-PROCTEST); `Img` limits
        // them to the IMG domain. An absent CompliedHost is taken as the default, `Both`.
        return config.compliedHost?.toLowerCase() === "img" ? [] : config.styleDelimiters;
      }),
  };
}
