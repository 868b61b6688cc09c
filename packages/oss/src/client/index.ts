import { presignUrl } from "../signer/index.ts";
import { type OssClientOptions, resolveOptions } from "./config.ts";
import type { CallOptions, OpContext } from "./context.ts";
import { bucketFor } from "./context.ts";
import { resolveCredentials } from "./credentials.ts";
import { requestUrl } from "./endpoint.ts";
import {
  checkKey,
  deleteObject,
  type GetObjectOptions,
  getObject,
  headObject,
  type ListObjectsOptions,
  listObjects,
  type PutObjectOptions,
  putObject,
} from "./objects.ts";
import { RateLimiter } from "./rate-limit.ts";
import { deleteStyle, getStyle, listStyles, type PutStyleOptions, putStyle } from "./styles.ts";
import { Transport } from "./transport.ts";

export interface PresignGetObjectOptions {
  readonly bucket?: string | undefined;
  /** Seconds, 1–604800; default 900 (the SDKs' 15 minutes). */
  readonly expiresSeconds?: number | undefined;
  /** `x-oss-process`, e.g. `style/small`; it is signed. */
  readonly process?: string | undefined;
  /**
   * `response-content-disposition` (GetObject page), e.g. `attachment; filename="图标.jpg"`, so that a
   * browser saves the download under that name; it is signed.
   */
  readonly responseContentDisposition?: string | undefined;
}

/**
 * A client for the OSS style API and the object calls the console needs. Every call is signed with
 * V4, retried as the SDKs do, rate-limited, cancellable, and fails with an {@link OssError}.
 *
 * @example
 * const oss = createOssClient({ region: "cn-hangzhou", bucket: "examplebucket", credentials: fromEnv() });
 * await oss.putStyle("small", "image/resize,w_200/quality,q_90");
 * const styles = await oss.listStyles();
 */
export function createOssClient(options: OssClientOptions) {
  const resolved = resolveOptions(options);
  const limiter = resolved.rate
    ? new RateLimiter(resolved.rate.requestsPerSecond, resolved.rate.burst, resolved.runtime)
    : undefined;
  const transport = new Transport({
    region: resolved.region,
    product: resolved.product,
    endpoint: resolved.endpoint,
    credentials: options.credentials,
    fetch: options.fetch ?? globalThis.fetch,
    retry: resolved.retry,
    timeoutMs: resolved.timeoutMs,
    limiter,
    runtime: resolved.runtime,
    onRetry: options.onRetry,
    hooks: options.hooks,
  });
  const ctx: OpContext = { transport, bucket: options.bucket };
  return {
    putStyle: (name: string, content: string, opts?: PutStyleOptions) => putStyle(ctx, name, content, opts),
    getStyle: (name: string, opts?: CallOptions) => getStyle(ctx, name, opts),
    listStyles: (opts?: CallOptions) => listStyles(ctx, opts),
    deleteStyle: (name: string, opts?: CallOptions) => deleteStyle(ctx, name, opts),
    listObjects: (opts?: ListObjectsOptions) => listObjects(ctx, opts),
    getObject: (key: string, opts?: GetObjectOptions) => getObject(ctx, key, opts),
    headObject: (key: string, opts?: CallOptions) => headObject(ctx, key, opts),
    deleteObject: (key: string, opts?: CallOptions) => deleteObject(ctx, key, opts),
    putObject: (key: string, data: Uint8Array | string, opts?: PutObjectOptions) =>
      putObject(ctx, key, data, opts),
    /** A presigned GET URL (query-mode V4), signed at the skew-corrected current time. */
    presignGetObject: async (key: string, opts: PresignGetObjectOptions = {}): Promise<string> => {
      const bucket = bucketFor(ctx, opts, "presignGetObject");
      checkKey(key, "presignGetObject");
      const credentials = await resolveCredentials(options.credentials);
      const query: [string, string][] = opts.process ? [["x-oss-process", opts.process]] : [];
      if (opts.responseContentDisposition !== undefined)
        query.push(["response-content-disposition", opts.responseContentDisposition]);
      const date = new Date(resolved.runtime.now() + transport.clockOffsetMs);
      const base = requestUrl(resolved.endpoint, bucket, key, []);
      return presignUrl(
        base,
        { method: "GET", bucket, key, query },
        {
          credentials,
          region: resolved.region,
          product: resolved.product,
          date,
          expiresSeconds: opts.expiresSeconds ?? 900,
        },
      );
    },
    /** Server time minus local time, as learnt from RequestTimeTooSkewed (0 until then). */
    get clockOffsetMs() {
      return transport.clockOffsetMs;
    },
  };
}

export type OssClient = ReturnType<typeof createOssClient>;
