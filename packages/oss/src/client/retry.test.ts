import { describe, expect, it } from "vitest";
import { OssError, type OssErrorKind } from "./errors.ts";
import { backoffDelay, DEFAULT_RETRY, isRetryable, nextDelay, retryAfterMs } from "./retry.ts";

const err = (kind: OssErrorKind, code: string, status?: number, operation = "putStyle") =>
  new OssError({ kind, code, status, message: "m", operation });

describe("isRetryable", () => {
  const cases: [OssError, boolean][] = [
    [err("service", "InternalError", 500), true],
    [err("service", "ServiceUnavailable", 503), true],
    [err("bad-response", "MalformedResponse", 502), true],
    [err("service", "RequestTimeout", 408), true],
    [err("service", "TooManyRequests", 429), true],
    [err("service", "RequestTimeTooSkewed", 403), true],
    [err("network", "NetworkError"), true],
    [err("timeout", "RequestTimeout"), true],
    [err("service", "BadRequest", 400), false],
    [err("service", "InvalidArgument", 400), false],
    [err("service", "AccessDenied", 403), false],
    [err("service", "SignatureDoesNotMatch", 403), false],
    [err("service", "InvalidAccessKeyId", 401), false],
    [err("service", "NoSuchStyle", 404), false],
    [err("bad-response", "MalformedResponse", 200), false],
    [err("aborted", "Aborted"), false],
    [err("invalid-argument", "InvalidArgument"), false],
    [err("credentials", "InvalidCredentials"), false],
  ];
  it.each(cases)("%s → %s", (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe("backoff with full jitter", () => {
  it.each([
    [1, 0, 0],
    [1, 0.5, 200],
    [1, 0.999, 399],
    [2, 0.999, 799],
    [3, 0.5, 800],
    [10, 0.5, 10_000], // 200·2^10 = 204 800, capped at 20 000
    [30, 0.999, 19_980],
  ])("attempt %i, random %d → %i ms", (attempt, r, expected) => {
    expect(backoffDelay(attempt, DEFAULT_RETRY, () => r)).toBe(expected);
  });
});

describe("nextDelay", () => {
  const half = () => 0.5;
  it.each([
    ["jitter when no Retry-After", 1, undefined, 200],
    ["Retry-After longer than the jitter wins", 1, 3000, 3000],
    ["jitter longer than Retry-After wins", 2, 100, 400],
    ["Retry-After over the cap gives up", 1, 60_000, undefined],
    ["no attempt left", 3, undefined, undefined],
  ])("%s", (_name, attempt, retryAfter, expected) => {
    expect(nextDelay(attempt, DEFAULT_RETRY, half, retryAfter)).toBe(expected);
  });
});

describe("retryAfterMs", () => {
  const now = Date.UTC(2026, 10, 21, 19, 30, 5);
  it.each([
    ["2", 2000],
    ["0", 0],
    ["Sat, 21 Nov 2026 19:30:10 GMT", 5000],
    ["Sat, 21 Nov 2026 19:30:00 GMT", 0],
    ["soon", undefined],
    [null, undefined],
  ])("%s → %s", (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });
});
