/**
 * `@style-console/oss`: a typed client for the OSS style and object APIs (Node). The signer alone is
 * `@style-console/oss/signer`.
 */

export { apiNameOf, OSS_API_NAMES } from "./client/api-names.ts";
export type {
  BucketSummary,
  ListBucketsOptions,
  ListBucketsResult,
  ProcessConfiguration,
} from "./client/buckets.ts";
export type { OssClientOptions } from "./client/config.ts";
export type { CallOptions } from "./client/context.ts";
export {
  type CredentialsEnv,
  type CredentialsProvider,
  type ExpiringCredentials,
  fromEnv,
  refreshingCredentials,
} from "./client/credentials.ts";
export type { Addressing } from "./client/endpoint.ts";
export { OssError, type OssErrorKind } from "./client/errors.ts";
export { createOssClient, type OssClient, type PresignGetObjectOptions } from "./client/index.ts";
export type { BucketLogging } from "./client/logging.ts";
export type {
  GetObjectOptions,
  ListObjectsOptions,
  ListObjectsResult,
  ObjectHead,
  ObjectSummary,
  PutObjectOptions,
} from "./client/objects.ts";
export {
  backoffDelay,
  DEFAULT_RETRY,
  isRetryable,
  nextDelay,
  type RetryPolicy,
  retryAfterMs,
} from "./client/retry.ts";
export { type Runtime, systemRuntime } from "./client/runtime.ts";
export type { PutStyleOptions, Style } from "./client/styles.ts";
export type {
  OssClientHooks,
  OssRequestInfo,
  OssResponseInfo,
  RetryListener,
} from "./client/transport.ts";
export type { Credentials } from "./signer/index.ts";
