import { createHash } from "node:crypto";
import { bucketNameIssues } from "@style-console/contract/names";
import { OssError } from "./errors.ts";
import type { Transport } from "./transport.ts";

/** Options every call accepts. */
export interface CallOptions {
  /** Overrides the client's default bucket for this call. */
  readonly bucket?: string | undefined;
  /** Cancels the call, including any backoff wait. */
  readonly signal?: AbortSignal | undefined;
  /** Overrides the client's per-attempt timeout for this call. */
  readonly timeoutMs?: number | undefined;
}

/** What the operation modules share: the transport and the default bucket. */
export interface OpContext {
  readonly transport: Transport;
  readonly bucket: string | undefined;
}

/**
 * An `invalid-argument` OssError: refused before anything was sent.
 *
 * @example
 * throw invalidArgument("listObjects", "maxKeys must be an integer 1–1000, got 0");
 */
export function invalidArgument(operation: string, message: string): OssError {
  return new OssError({ kind: "invalid-argument", code: "InvalidArgument", message, operation });
}

/**
 * The bucket for a call: the call's own, else the client's; checked against the naming rules.
 *
 * @example
 * bucketFor({ transport, bucket: "b1" }, {}, "listStyles"); // "b1"
 */
export function bucketFor(ctx: OpContext, opts: CallOptions, operation: string): string {
  const bucket = opts.bucket ?? ctx.bucket;
  if (!bucket)
    throw invalidArgument(operation, "no bucket: pass `bucket` to createOssClient or to this call");
  const problem = bucketNameIssues(bucket)[0];
  if (problem) throw invalidArgument(operation, `bucket "${bucket}": ${problem.message}`);
  return bucket;
}

/**
 * Base64 MD5, for `Content-MD5`: OSS then refuses a body damaged in transit.
 *
 * @example
 * contentMd5(new Uint8Array()); // "1B2M2Y8AsgTpgAmY7PhCfg=="
 */
export function contentMd5(body: Uint8Array): string {
  return createHash("md5").update(body).digest("base64");
}

/**
 * The `x-oss-request-id` of a response, when present.
 *
 * @example
 * requestIdOf(response); // "5C3D9175B6FC201293AD4890"
 */
export function requestIdOf(res: Response): string | undefined {
  return res.headers.get("x-oss-request-id") ?? undefined;
}
