import { parseRegion, REGION_EXPECTED } from "@style-console/contract/names";
import type { CredentialsProvider } from "./credentials.ts";
import { type Addressing, type Endpoint, resolveEndpoint } from "./endpoint.ts";
import { OssError } from "./errors.ts";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry.ts";
import { type Runtime, systemRuntime } from "./runtime.ts";
import type { OssClientHooks, RetryListener } from "./transport.ts";

/** Options of `createOssClient`. Only `region` and `credentials` are required. */
export interface OssClientOptions {
  /** Region id of the bucket, e.g. `cn-hangzhou` (`oss-cn-hangzhou` is accepted). */
  readonly region: string;
  /** Default `https://oss-<region>.aliyuncs.com`; `http://127.0.0.1:<port>` for the emulator. */
  readonly endpoint?: string | undefined;
  /** Default: path-style for IP/localhost endpoints, virtual-hosted otherwise. */
  readonly addressing?: Addressing | undefined;
  /**
   * The region of a bucket, when it is not `region` (buckets of several regions through one client):
   * its requests are signed for that region and, without an explicit `endpoint`, sent to
   * `https://oss-<its region>.aliyuncs.com`. With an explicit `endpoint` (an internal endpoint, the
   * emulator) every request goes there, still signed for the bucket's region. `undefined`: `region`.
   */
  readonly bucketRegion?: ((bucket: string) => string | undefined) | undefined;
  /** Default bucket for every call (each call may pass its own). */
  readonly bucket?: string | undefined;
  readonly credentials: CredentialsProvider;
  /** `oss` (default) or `oss-cloudbox` (then `region` is the cloud-box id). */
  readonly product?: string | undefined;
  /** Default the global fetch. */
  readonly fetch?: typeof fetch | undefined;
  /** Partial overrides of 3 attempts / 200 ms base / 20 s cap, or `false` for a single attempt. */
  readonly retry?: Partial<RetryPolicy> | false | undefined;
  /** Per attempt, until the whole answer is read (headers only for getObject). Default 30 000 ms. */
  readonly timeoutMs?: number | undefined;
  /** Client-side request rate; default 100 requests/s (the account QPS limit), `false` for none. */
  readonly rateLimit?: { readonly requestsPerSecond: number; readonly burst?: number } | false | undefined;
  /** Called before each retry. */
  readonly onRetry?: RetryListener | undefined;
  /**
   * Around every attempt: `beforeRequest` (awaited; e.g. a rate limit shared by several processes, with
   * `rateLimit: false`) and `afterResponse` (e.g. counting requests per API and bucket).
   */
  readonly hooks?: OssClientHooks | undefined;
  /** Clock, sleep and randomness; tests inject their own. */
  readonly runtime?: Partial<Runtime> | undefined;
}

export interface ResolvedOptions {
  readonly region: string;
  readonly endpoint: Endpoint;
  /** Whether `endpoint` was given (then every region is sent there) or derived from `region`. */
  readonly endpointExplicit: boolean;
  readonly product: string;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly rate: { readonly requestsPerSecond: number; readonly burst: number } | undefined;
  readonly runtime: Runtime;
}

function invalid(field: string, expected: string, got: unknown): OssError {
  const shown = typeof got === "string" ? JSON.stringify(got) : String(got);
  return new OssError({
    kind: "invalid-argument",
    code: "InvalidConfig",
    message: `Expected ${expected} for \`${field}\`, got ${shown}`,
    operation: "createOssClient",
  });
}

function positiveInt(
  value: number | undefined,
  fallback: number,
  field: string,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw invalid(field, `an integer 1–${max}`, value);
  return value;
}

/**
 * Validates every option once, before any request, naming the bad field.
 *
 * @example
 * resolveOptions({ region: "cn-hangzhou", credentials: fromEnv() }).retry.maxAttempts; // 3
 */
export function resolveOptions(options: OssClientOptions): ResolvedOptions {
  const region = typeof options?.region === "string" ? parseRegion(options.region) : undefined;
  if (region === undefined) throw invalid("region", REGION_EXPECTED, options?.region);
  if (options.credentials === undefined || options.credentials === null)
    throw invalid("credentials", "credentials or a provider function", options.credentials);
  const retryOpt = options.retry === false ? { maxAttempts: 1 } : (options.retry ?? {});
  const retry: RetryPolicy = {
    maxAttempts: positiveInt(retryOpt.maxAttempts, DEFAULT_RETRY.maxAttempts, "retry.maxAttempts", 10),
    baseDelayMs: positiveInt(retryOpt.baseDelayMs, DEFAULT_RETRY.baseDelayMs, "retry.baseDelayMs"),
    maxBackoffMs: positiveInt(retryOpt.maxBackoffMs, DEFAULT_RETRY.maxBackoffMs, "retry.maxBackoffMs"),
  };
  let rate: ResolvedOptions["rate"];
  if (options.rateLimit !== false) {
    const rps = options.rateLimit?.requestsPerSecond ?? 100;
    if (!(rps > 0) || !Number.isFinite(rps))
      throw invalid("rateLimit.requestsPerSecond", "a positive number", rps);
    rate = {
      requestsPerSecond: rps,
      burst: positiveInt(options.rateLimit?.burst, Math.max(1, Math.ceil(rps)), "rateLimit.burst"),
    };
  }
  return {
    region,
    endpoint: resolveEndpoint(options.endpoint, region, options.addressing),
    endpointExplicit: options.endpoint !== undefined,
    product: options.product ?? "oss",
    retry,
    timeoutMs: positiveInt(options.timeoutMs, 30_000, "timeoutMs"),
    rate,
    runtime: { ...systemRuntime, ...options.runtime },
  };
}
