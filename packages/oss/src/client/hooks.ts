import type { OssError } from "./errors.ts";

/**
 * Hooks around every HTTP request the client sends (each attempt of a retried call is a request OSS
 * bills and throttles, so each is reported). One pair serves request accounting (count by API, bucket
 * and person) and shared rate limiting (`beforeRequest` may wait — e.g. for a token from a QPS budget
 * shared by several replicas — and is given the call's AbortSignal).
 */

/**
 * OSS's API names (as its price list and API reference spell them) for the client's operations.
 * Operations not listed keep their own name.
 */
export const OSS_API_NAMES: Readonly<Record<string, string>> = {
  putStyle: "PutStyle",
  getStyle: "GetStyle",
  listStyles: "ListStyle",
  deleteStyle: "DeleteStyle",
  listObjects: "ListObjectsV2",
  getObject: "GetObject",
  headObject: "HeadObject",
  putObject: "PutObject",
  deleteObject: "DeleteObject",
  putBucketLogging: "PutBucketLogging",
  getBucketLogging: "GetBucketLogging",
  deleteBucketLogging: "DeleteBucketLogging",
};

/** What the hooks learn about a request before it is sent. */
export interface RequestInfo {
  /** The client's operation, e.g. `listStyles`. */
  readonly operation: string;
  /** OSS's API name, e.g. `ListStyle` (see {@link OSS_API_NAMES}). */
  readonly api: string;
  readonly bucket: string | undefined;
  readonly method: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly signal?: AbortSignal | undefined;
}

/** What the hooks learn once a request is answered (or failed without an answer). */
export interface ResponseInfo extends RequestInfo {
  /** The HTTP status, or undefined when no answer came (network error, timeout, abort). */
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly error: OssError | undefined;
}

export interface OssClientHooks {
  /**
   * Before each attempt, before the client's own rate limiter. May wait; a rejection (e.g. the signal
   * fired) fails the call as aborted.
   */
  readonly beforeRequest?: ((info: RequestInfo) => void | Promise<void>) | undefined;
  /** After each attempt that was sent; must not throw (errors are swallowed). */
  readonly afterResponse?: ((info: ResponseInfo) => void) | undefined;
}

/**
 * OSS's API name of a client operation.
 *
 * @example
 * apiNameOf("listStyles"); // "ListStyle"
 */
export function apiNameOf(operation: string): string {
  return OSS_API_NAMES[operation] ?? operation;
}
