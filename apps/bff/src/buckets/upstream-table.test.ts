import { API_ERRORS } from "@style-console/contract/errors";
import { OssError, type OssErrorKind } from "@style-console/oss";
import { describe, expect, it } from "vitest";
import { HttpError } from "../http/error.ts";
import { failureText, scrubUpstreamText, UPSTREAM_ERRORS, upstreamError } from "./upstream-error.ts";

// Issue 14 §6, as a table: every kind of OSS failure → the API's code and status. A caller's mistake is a
// 4xx, the console's or OSS's a 5xx.
const oss = (kind: OssErrorKind, init: Partial<ConstructorParameters<typeof OssError>[0]> = {}) =>
  new OssError({ kind, code: "X", message: "m", operation: "listObjects", ...init });

const cases: [string, OssError, string, number][] = [
  ["a timeout", oss("timeout", { code: "RequestTimeout" }), "UpstreamTimeout", 504],
  ["no connection", oss("network", { code: "NetworkError" }), "UpstreamUnreachable", 502],
  ["a body that is not OSS XML", oss("bad-response"), "UpstreamBadResponse", 502],
  [
    "an argument the client refused",
    oss("invalid-argument", { code: "InvalidArgument" }),
    "InvalidArgument",
    400,
  ],
  ["unusable credentials", oss("credentials"), "CredentialsError", 500],
  ["a call the caller abandoned", oss("aborted"), "RequestAborted", 499],
  [
    "the style limit (403 AccessDenied, style count)",
    oss("service", { status: 403, code: "AccessDenied", message: "The style count is exceeded." }),
    "StyleLimitReached",
    409,
  ],
  ["NoSuchBucket", oss("service", { status: 404, code: "NoSuchBucket" }), "NoSuchBucket", 404],
  ["NoSuchStyle", oss("service", { status: 404, code: "NoSuchStyle" }), "NoSuchStyle", 404],
  ["NoSuchKey", oss("service", { status: 404, code: "NoSuchKey" }), "NoSuchKey", 404],
  [
    "a continuation-token OSS did not issue",
    oss("service", { status: 400, code: "InvalidArgument", details: { ArgumentName: "continuation-token" } }),
    "InvalidCursor",
    400,
  ],
  [
    "a wrong signature",
    oss("service", { status: 403, code: "SignatureDoesNotMatch" }),
    "UpstreamDenied",
    502,
  ],
  ["an unknown key id", oss("service", { status: 403, code: "InvalidAccessKeyId" }), "UpstreamDenied", 502],
  [
    "another 404",
    oss("service", { status: 404, code: "NoSuchWebsiteConfiguration" }),
    "UpstreamNotFound",
    502,
  ],
  ["throttling", oss("service", { status: 503, code: "ServiceUnavailable" }), "UpstreamBusy", 503],
  ["429", oss("service", { status: 429, code: "TooManyRequests" }), "UpstreamBusy", 503],
  ["a server error", oss("service", { status: 500, code: "InternalError" }), "UpstreamFailed", 502],
  // An OSS 400 about something the console itself sent is the console's bug, not the caller's.
  ["another 400", oss("service", { status: 400, code: "MalformedXML" }), "UpstreamRejected", 502],
  [
    "an InvalidArgument about another argument",
    oss("service", { status: 400, code: "InvalidArgument", details: { ArgumentName: "max-keys" } }),
    "UpstreamRejected",
    502,
  ],
];

describe("UPSTREAM_ERRORS", () => {
  it.each(cases)("%s → %s %i", (_what, error, code, status) => {
    const mapped = upstreamError(error, "photos", []);
    expect(mapped.code).toBe(code);
    expect(mapped.status).toBe(status);
    // The status comes from the contract's one table, and the OSS error stays the cause.
    expect(mapped.status).toBe(API_ERRORS[mapped.code].status);
    expect(mapped.cause).toBe(error);
  });

  it("has a case above for every row", () => {
    const covered = new Set(cases.map(([, , code]) => code));
    for (const row of UPSTREAM_ERRORS) expect(covered, row.code).toContain(row.code);
  });

  it("never blames OSS for a refusal the emulator gives a caller's cursor, and keeps no style-name hint", () => {
    const mapped = upstreamError(
      new OssError({
        kind: "service",
        status: 400,
        code: "InvalidArgument",
        message: "The continuation-token is not one this server issued.",
        operation: "listObjects",
        details: { ArgumentName: "continuation-token" },
      }),
      "photos",
      [],
    );
    expect(mapped.toBody().error).toMatchObject({ code: "InvalidCursor" });
    expect(JSON.stringify(mapped.toBody())).not.toMatch(/style name/i);
  });
});

describe("a network failure's message", () => {
  it("names the endpoint's host and the reason, still scrubbed", () => {
    const error = oss("network", {
      code: "NetworkError",
      host: "oss-cn-hangzhou.aliyuncs.com",
      message:
        "network error (oss-cn-hangzhou.aliyuncs.com): fetch https://x.example/k?Signature=s3cr3t failed",
    });
    expect(upstreamError(error, "photos", []).message).toBe(
      'OSS at oss-cn-hangzhou.aliyuncs.com could not be reached (bucket "photos"): fetch https://x.example/k failed',
    );
  });

  it("keeps the general shape when the client did not say where (an older client)", () => {
    const error = oss("network", { code: "NetworkError", message: "network error: ECONNREFUSED" });
    expect(upstreamError(error, "photos", []).message).toBe(
      'OSS could not be reached (bucket "photos", NetworkError): network error: ECONNREFUSED',
    );
  });
});

// What a gateway's page or a fetch library's message may quote of a signed request, and what is left.
const scrubCases: [string, string, string][] = [
  [
    "a presigned URL",
    "denied https://b.oss.example.com/k.jpg?x-oss-signature=abc&x-oss-credential=AK%2F1 now",
    "denied https://b.oss.example.com/k.jpg now",
  ],
  [
    "a V4 Authorization header",
    "Authorization: OSS4-HMAC-SHA256 Credential=AK/20261129/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=host,Signature=0f9e",
    "Authorization: OSS4-HMAC-SHA256 Credential=[redacted],AdditionalHeaders=[redacted],Signature=[redacted]",
  ],
  ["a V1 Authorization header", "got OSS LTAI5tExample:c2lnbmF0dXJl=", "got OSS [redacted]"],
  ["an STS token as a pair", "x-oss-security-token: CAIS.abc", "x-oss-security-token: [redacted]"],
  ["OSS's ordinary words", "The style count is exceeded.", "The style count is exceeded."],
  [
    "prose about signatures",
    "The request signature we calculated does not match the signature you provided.",
    "The request signature we calculated does not match the signature you provided.",
  ],
];

describe("scrubUpstreamText", () => {
  it.each(scrubCases)("%s", (_what, text, expected) => {
    expect(scrubUpstreamText(text)).toBe(expected);
  });
});

describe("failureText", () => {
  it("is an OSS error's mapped message with its request id, scrubbed", () => {
    const text = failureText(
      oss("service", {
        status: 403,
        code: "AccessDenied",
        message: "no: https://h.example/?Signature=s3cr3t",
        requestId: "RID1",
      }),
      "photos",
    );
    expect(text).toBe(
      'OSS refused the console\'s request (bucket "photos", AccessDenied): no: https://h.example/ (OSS request id RID1)',
    );
  });

  it("is an HttpError's own message, which the API would answer anyway", () => {
    expect(failureText(new HttpError("NoSuchStyle", "No style thumb."), "photos")).toBe("No style thumb.");
  });

  it("names anything else only by its kind", () => {
    expect(failureText(new TypeError("fetch https://x/?token=1 failed"), "photos")).toBe(
      'An unexpected TypeError for bucket "photos" (its text is in the server log).',
    );
    expect(failureText("text", undefined)).toBe("An unexpected string (its text is in the server log).");
  });
});
