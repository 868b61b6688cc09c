import { type OssClient, OssError, type Style } from "@style-console/oss";
import type { BucketStyles, UpstreamStyle } from "./bucket-styles.ts";
import { upstreamError } from "./upstream-error.ts";

// OSS sends RFC 1123 times; a missing or unreadable one becomes the epoch rather than failing the list.
function time(text: string | undefined, fallback?: string): Date {
  const parsed = new Date(text ?? fallback ?? 0);
  return Number.isNaN(parsed.getTime()) ? new Date(0) : parsed;
}

function toUpstream(style: Style): UpstreamStyle {
  return {
    name: style.name,
    content: style.content,
    category: style.category ?? "",
    createTime: time(style.createTime),
    lastModifyTime: time(style.lastModifyTime, style.createTime),
  };
}

/**
 * One bucket's styles over the OSS client (V4-signed HTTP to OSS or the embedded emulator). Every
 * failure leaves as an `HttpError` with the OSS request id; `secrets` are cut out of any OSS message.
 * @example
 * const styles = ossBucketStyles(createOssClient({ region, endpoint, credentials }), "photos", [secret]);
 * await styles.list();
 */
export function ossBucketStyles(client: OssClient, bucket: string, secrets: readonly string[]): BucketStyles {
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw upstreamError(error, bucket, secrets);
    }
  };
  return {
    list: () => call(async () => (await client.listStyles({ bucket })).map(toUpstream)),
    get: (name, signal) =>
      call(async () => {
        try {
          return toUpstream(await client.getStyle(name, { bucket, signal }));
        } catch (error) {
          if (error instanceof OssError && error.code === "NoSuchStyle") return undefined;
          throw error;
        }
      }),
    put: (name, content, category, signal) =>
      call(async () => {
        const { requestId } = await client.putStyle(name, content, {
          bucket,
          signal,
          ...(category === undefined ? {} : { category }),
        });
        return { requestId: requestId ?? null };
      }),
    delete: (name, signal) =>
      call(async () => {
        const { requestId } = await client.deleteStyle(name, { bucket, signal });
        return { requestId: requestId ?? null };
      }),
  };
}
