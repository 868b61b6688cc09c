import type { OssError } from "./errors.ts";

/** Retry settings; the defaults are the v2 SDKs' (3 attempts in all, 200 ms base, 20 s cap). */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxBackoffMs: 20_000 };

/**
 * Whether the SDKs would retry this failure: network errors and timeouts, HTTP 5xx, 408 and 429, and
 * `RequestTimeTooSkewed` (after the clock is corrected). Never `BadRequest`: for PutStyle it is
 * "Style content is invalid.", which fails the same way every time. Never a caller's abort.
 *
 * @example
 * isRetryable(new OssError({ kind: "service", code: "ServiceUnavailable", status: 503, message: "", operation: "putStyle" })); // true
 */
export function isRetryable(error: OssError): boolean {
  if (error.kind === "network" || error.kind === "timeout") return true;
  if (error.kind !== "service" && error.kind !== "bad-response") return false;
  if (error.code === "BadRequest") return false;
  if (error.code === "RequestTimeTooSkewed") return true;
  const status = error.status ?? 0;
  return status >= 500 || status === 408 || status === 429;
}

/**
 * Full-jitter backoff after the `failedAttempt`-th attempt (1-based): uniform in
 * `[0, min(maxBackoffMs, baseDelayMs · 2^failedAttempt))`, so up to 400 ms before the 2nd attempt and
 * 800 ms before the 3rd with the defaults. `random` returns [0, 1).
 *
 * @example
 * backoffDelay(1, DEFAULT_RETRY, () => 0.5); // 200
 */
export function backoffDelay(failedAttempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.baseDelayMs * 2 ** failedAttempt);
  return Math.floor(random() * ceiling);
}

/**
 * Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `nowMs`; undefined when
 * absent or unreadable.
 *
 * @example
 * retryAfterMs("2", 0); // 2000
 * retryAfterMs("Sat, 21 Nov 2026 19:30:10 GMT", Date.UTC(2026, 10, 21, 19, 30, 5)); // 5000
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * The wait before the next attempt, or undefined to give up: `Retry-After` wins over the jittered
 * delay when it asks for longer, but a server asking for more than the cap ends the retries (waiting
 * minutes inside one call helps nobody).
 *
 * @example
 * nextDelay(1, DEFAULT_RETRY, () => 0, 3000); // 3000
 * nextDelay(1, DEFAULT_RETRY, () => 0, 60_000); // undefined
 */
export function nextDelay(
  failedAttempt: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfter: number | undefined,
): number | undefined {
  if (failedAttempt >= policy.maxAttempts) return undefined;
  const jittered = backoffDelay(failedAttempt, policy, random);
  if (retryAfter === undefined) return jittered;
  return retryAfter > policy.maxBackoffMs ? undefined : Math.max(jittered, retryAfter);
}
