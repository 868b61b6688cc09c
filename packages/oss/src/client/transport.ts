import { type Credentials, type QueryParams, SignerInputError, signRequest } from "../signer/index.ts";
import { type CredentialsProvider, resolveCredentials } from "./credentials.ts";
import { type Endpoint, requestUrl, resolveEndpoint } from "./endpoint.ts";
import { OssError, redact } from "./errors.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { errorFromResponse } from "./response-error.ts";
import { isRetryable, nextDelay, type RetryPolicy, retryAfterMs } from "./retry.ts";
import type { Runtime } from "./runtime.ts";
import { guardBody } from "./stream-body.ts";

/** Called before each retry; lets callers count or log retries. */
export type RetryListener = (info: {
  operation: string;
  attempt: number;
  delayMs: number;
  error: OssError;
}) => void;

/** What a hook learns about one attempt of one call (each retry is an attempt, and a billed request). */
export interface OssRequestInfo {
  /** The API, e.g. `PutStyle`'s `putStyle`, `getObject`. */
  readonly operation: string;
  readonly method: string;
  readonly bucket: string | undefined;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

/** What `afterResponse` learns: the request plus its outcome. */
export interface OssResponseInfo extends OssRequestInfo {
  /** HTTP status, or undefined when no response came (network error, timeout, abort). */
  readonly status: number | undefined;
  /** The OSS error code when the attempt failed (`NoSuchStyle`, `RequestTimeout`, …). */
  readonly errorCode: string | undefined;
  readonly durationMs: number;
}

/**
 * Hooks around every attempt the client sends: a rate limit shared by several processes, per-API
 * usage counting, metrics. `beforeRequest` is awaited before the attempt goes out (after the client's
 * own limiter; throw to refuse it, which fails the call without retry); `afterResponse` is called after
 * it (its errors are ignored; it is not awaited).
 */
export interface OssClientHooks {
  readonly beforeRequest?: ((info: OssRequestInfo, signal?: AbortSignal) => Promise<void> | void) | undefined;
  readonly afterResponse?: ((info: OssResponseInfo) => void) | undefined;
}

export interface TransportConfig {
  readonly region: string;
  readonly product: string;
  readonly endpoint: Endpoint;
  /** When false, a bucket of another region is sent to `oss-<its region>.aliyuncs.com`. */
  readonly endpointExplicit?: boolean | undefined;
  /** The region of a bucket other than `region`'s (see `OssClientOptions.bucketRegion`). */
  readonly bucketRegion?: ((bucket: string) => string | undefined) | undefined;
  readonly credentials: CredentialsProvider;
  readonly fetch: typeof fetch;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly limiter: RateLimiter | undefined;
  readonly runtime: Runtime;
  readonly onRetry: RetryListener | undefined;
  readonly hooks?: OssClientHooks | undefined;
}

export interface WireRequest {
  readonly operation: string;
  readonly method: string;
  readonly bucket?: string | undefined;
  readonly key?: string | undefined;
  readonly query?: QueryParams | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly body?: Uint8Array | undefined;
  /** Return the response with its body unread (GetObject); the timeout then covers the headers only. */
  readonly stream?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Per-attempt timeout for this call; the client's default otherwise. */
  readonly timeoutMs?: number | undefined;
}

export interface WireResponse {
  readonly response: Response;
  /**
   * Streamed responses only: the body, whose read errors are typed OssErrors; read this, not
   * `response.body`.
   */
  readonly body?: ReadableStream<Uint8Array> | undefined;
  /** The body text; empty for streamed responses. */
  readonly text: string;
  readonly attempts: number;
}

type AttemptOutcome =
  | { ok: true; response: Response; text: string; body?: ReadableStream<Uint8Array> }
  | { ok: false; error: OssError; response?: Response };

const TIMEOUT = Symbol("timeout");

/**
 * Sends signed requests with retries, backoff, Retry-After, clock-skew correction, a per-attempt
 * timeout, the caller's AbortSignal and the client's rate limiter. Every attempt is re-signed.
 *
 * @example
 * const transport = new Transport(config);
 * const { text } = await transport.send({ operation: "listStyles", method: "GET", bucket: "b", query: [["style", ""]] });
 */
export class Transport {
  /** Server time minus local time, learnt from a RequestTimeTooSkewed answer. */
  clockOffsetMs = 0;

  constructor(private readonly config: TransportConfig) {}

  async send(req: WireRequest): Promise<WireResponse> {
    const { retry, runtime } = this.config;
    const t = req.timeoutMs;
    if (t !== undefined && !(Number.isInteger(t) && t > 0)) {
      throw new OssError({
        kind: "invalid-argument",
        code: "InvalidArgument",
        message: `Expected a positive integer for \`timeoutMs\`, got ${t}`,
        operation: req.operation,
      });
    }
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.hooked(req, attempt);
      if (outcome.ok) {
        const { response, text, body } = outcome;
        return { response, text, body, attempts: attempt };
      }
      const error = outcome.error;
      if (error.code === "RequestTimeTooSkewed") this.correctClock(outcome.response, error);
      const retryAfter = retryAfterMs(outcome.response?.headers.get("retry-after"), runtime.now());
      const delay = isRetryable(error) ? nextDelay(attempt, retry, runtime.random, retryAfter) : undefined;
      if (delay === undefined) throw error.withAttempts(attempt);
      this.config.onRetry?.({ operation: req.operation, attempt, delayMs: delay, error });
      try {
        await runtime.sleep(delay, req.signal);
      } catch (reason) {
        throw abortedError(req.operation, attempt, reason);
      }
    }
  }

  private async hooked(req: WireRequest, attempt: number): Promise<AttemptOutcome> {
    const hooks = this.config.hooks;
    if (!hooks) return this.attempt(req);
    const info: OssRequestInfo = {
      operation: req.operation,
      method: req.method,
      bucket: req.bucket,
      attempt,
    };
    if (hooks.beforeRequest) {
      try {
        await hooks.beforeRequest(info, req.signal);
      } catch (reason) {
        if (reason instanceof OssError) return { ok: false, error: reason };
        return { ok: false, error: abortedError(req.operation, attempt, reason) };
      }
    }
    const started = this.config.runtime.now();
    const outcome = await this.attempt(req);
    try {
      hooks.afterResponse?.({
        ...info,
        status: outcome.response?.status,
        errorCode: outcome.ok ? undefined : outcome.error.code,
        durationMs: this.config.runtime.now() - started,
      });
    } catch {
      // A counter's failure must never fail the call it counts.
    }
    return outcome;
  }

  private correctClock(res: Response | undefined, error: OssError): void {
    const server = Date.parse(res?.headers.get("date") ?? "") || isoServerTime(error.details.ServerTime);
    if (server) this.clockOffsetMs = server - this.config.runtime.now();
  }

  private async attempt(req: WireRequest): Promise<AttemptOutcome> {
    const { config } = this;
    if (req.signal?.aborted) return { ok: false, error: abortedError(req.operation, 1, req.signal.reason) };
    try {
      await config.limiter?.acquire(req.signal);
    } catch (reason) {
      return { ok: false, error: abortedError(req.operation, 1, reason) };
    }
    const creds = await resolveCredentials(config.credentials);
    const secrets = [creds.accessKeySecret, creds.securityToken];
    const host = this.target(req.bucket).endpoint.host;
    const controller = new AbortController();
    let url: string;
    let init: RequestInit;
    try {
      url = this.url(req);
      init = this.init(req, creds, controller.signal);
    } catch (error) {
      return { ok: false, error: inputError(req.operation, error) };
    }
    // The signal may have fired while the limiter or the credentials were awaited; nothing is sent then.
    if (req.signal?.aborted) return { ok: false, error: abortedError(req.operation, 1, req.signal.reason) };
    let timedOut = false;
    let handedOver = false;
    const onAbort = () => controller.abort(req.signal?.reason);
    const release = () => req.signal?.removeEventListener("abort", onAbort);
    req.signal?.addEventListener("abort", onAbort, { once: true });
    const timeoutMs = req.timeoutMs ?? config.timeoutMs;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(TIMEOUT);
    }, timeoutMs);
    try {
      const response = await config.fetch(url, init);
      if (req.stream && response.ok) {
        clearTimeout(timer);
        // The listener must outlive this call (aborting still cancels the body) until the body settles.
        handedOver = true;
        const toError = (error: unknown) =>
          req.signal?.aborted
            ? abortedError(req.operation, 1, req.signal.reason)
            : networkError(req.operation, host, error, secrets);
        return { ok: true, response, text: "", body: guardBody(response.body, toError, release) };
      }
      const text = req.method === "HEAD" ? "" : await response.text();
      if (response.ok) return { ok: true, response, text };
      return { ok: false, error: errorFromResponse(response, text, req.operation, secrets), response };
    } catch (error) {
      if (error instanceof OssError) return { ok: false, error };
      if (req.signal?.aborted) return { ok: false, error: abortedError(req.operation, 1, req.signal.reason) };
      if (timedOut) return { ok: false, error: timeoutError(req.operation, timeoutMs) };
      return { ok: false, error: networkError(req.operation, host, error, secrets) };
    } finally {
      clearTimeout(timer);
      if (!handedOver) release();
    }
  }

  /**
   * Where a request goes and which region it is signed for: the bucket's own region (from
   * `bucketRegion`), else the client's; its regional endpoint unless the client was given one.
   *
   * @example
   * transport.target("shop-eu"); // { region: "eu-central-1", endpoint: { host: "oss-eu-central-1.aliyuncs.com", … } }
   */
  target(bucket: string | undefined): { region: string; endpoint: Endpoint } {
    const { config } = this;
    const region = (bucket && config.bucketRegion?.(bucket)) || config.region;
    if (region === config.region || config.endpointExplicit !== false) {
      return { region, endpoint: config.endpoint };
    }
    let endpoint = this.#endpoints.get(region);
    if (!endpoint) {
      endpoint = resolveEndpoint(undefined, region, config.endpoint.addressing);
      this.#endpoints.set(region, endpoint);
    }
    return { region, endpoint };
  }

  readonly #endpoints = new Map<string, Endpoint>();

  private url(req: WireRequest): string {
    return requestUrl(this.target(req.bucket).endpoint, req.bucket, req.key, req.query ?? []);
  }

  private init(req: WireRequest, credentials: Credentials, signal: AbortSignal): RequestInit {
    const { config } = this;
    const date = new Date(config.runtime.now() + this.clockOffsetMs);
    const headers = { ...req.headers };
    const { region } = this.target(req.bucket);
    const signed = signRequest(
      { method: req.method, bucket: req.bucket, key: req.key, query: req.query, headers },
      { credentials, region, product: config.product, date },
    );
    const init: RequestInit = {
      method: req.method,
      headers: { ...headers, ...signed.headers },
      signal,
      redirect: "manual",
    };
    // Our bodies are Buffers over ordinary ArrayBuffers; the DOM's BodyInit (which the SPA's type-check
    // sees through AppType) refuses views that might sit on a SharedArrayBuffer.
    if (req.body !== undefined) init.body = req.body as Uint8Array<ArrayBuffer>;
    return init;
  }
}

function inputError(operation: string, error: unknown): OssError {
  if (!(error instanceof SignerInputError)) throw error;
  return new OssError({
    kind: "invalid-argument",
    code: "InvalidArgument",
    message: error.message,
    operation,
  });
}

function isoServerTime(value: string | undefined): number {
  return value ? Date.parse(value) || 0 : 0;
}

function abortedError(operation: string, attempts: number, reason: unknown): OssError {
  const why = reason instanceof Error ? reason.message : "the caller's AbortSignal fired";
  return new OssError({ kind: "aborted", code: "Aborted", message: `aborted: ${why}`, operation, attempts });
}

function timeoutError(operation: string, timeoutMs: number): OssError {
  return new OssError({
    kind: "timeout",
    code: "RequestTimeout",
    message: `no complete answer within ${timeoutMs} ms`,
    operation,
  });
}

// `host` is the endpoint's host[:port], taken from the config rather than from the URL (whose query
// holds the signature, and whose host may be prefixed by the bucket).
function networkError(
  operation: string,
  host: string,
  error: unknown,
  secrets: readonly (string | undefined)[],
): OssError {
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new OssError({
    kind: "network",
    code: "NetworkError",
    message: redact(`network error (${host}): ${detail}`, secrets),
    operation,
    host,
  });
}
