import { describe, expect, it } from "vitest";
import { API_ERRORS, type ErrorCode, errorStatus, isErrorCode, readApiError } from "./index.ts";

// The table, as a table: each code's status class says whose fault it is. A row added without its class
// here fails the completeness test below.
const caller4xx: ErrorCode[] = [
  "InvalidRequest",
  "MalformedJson",
  "BadRequest",
  "UnsupportedMediaType",
  "PayloadTooLarge",
  "NotFound",
  "Unauthenticated",
  "InvalidToken",
  "CsrfRejected",
  "TooManyAttempts",
  "UnknownBucket",
  "NoSuchBucket",
  "NoSuchStyle",
  "InvalidStyleName",
  "InvalidStyleContent",
  "StyleExists",
  "StyleChanged",
  "StyleLimitReached",
  "PreconditionRequired",
  "NoSuchKey",
  "InvalidCursor",
  "InvalidArgument",
  "MissingArgument",
  "InvalidProcess",
  "InvalidSource",
  "NoBucket",
  "NoSuchSample",
  "NoSuchWatermark",
  "WatermarkError",
  "SourceTooLarge",
  "ImageTooLarge",
  "UnsupportedImageType",
  "UnreadableImage",
  "CorruptImage",
  "BuiltinSample",
  "MalformedUpload",
  "MissingFile",
  "RequestAborted",
  "AccountDisabled",
  "BucketNotAllowed",
  "BuiltinAccount",
  "Forbidden",
  "InvalidCredentials",
  "LinkInvalid",
  "NoAccessRule",
  "NoSuchSession",
  "NoSuchToken",
  "NoSuchUser",
  "NotWithThisSignIn",
  "NotYourself",
  "RoleTooHigh",
  "SsoNotConfigured",
  "UsernameTaken",
  "WeakPassword",
  "WrongPassword",
  "RequestTimeout",
  "IncompleteBody",
  "PreviewTooExpensive",
  "ImageTooExpensive",
  "UploadQuotaExceeded",
  "NoSuchJob",
  "JobNotPlanned",
  "NotYourPlan",
  "NoSuchVersion",
  "NoSuchDraft",
  "DraftChanged",
  "DraftPublished",
  "ReviewNotRequested",
  "ReviewRequired",
  "OwnDraft",
  "PlanMismatch",
  "NoTargets",
  "InvalidImportFile",
  "InvalidTargetBucketForLogging",
];
const server5xx: ErrorCode[] = [
  "PreviewBusy",
  "SourcesBusy",
  "UploadsBusy",
  "ProcessTimeout",
  "UpstreamTimeout",
  "UpstreamUnreachable",
  "UpstreamBadResponse",
  "UpstreamDenied",
  "UpstreamNotFound",
  "UpstreamBusy",
  "UpstreamFailed",
  "UpstreamRejected",
  "CredentialsError",
  "InternalError",
  "OidcFailed",
  "OidcUnavailable",
  "NotAvailable",
];

describe("API_ERRORS", () => {
  it("classifies every code", () => {
    expect([...caller4xx, ...server5xx].sort()).toEqual(Object.keys(API_ERRORS).sort());
  });
  it.each(caller4xx)("%s is the caller's (4xx)", (code) => {
    expect(errorStatus(code)).toBeGreaterThanOrEqual(400);
    expect(errorStatus(code)).toBeLessThan(500);
  });
  it.each(server5xx)("%s is the console's or OSS's (5xx)", (code) => {
    expect(errorStatus(code)).toBeGreaterThanOrEqual(500);
  });
  it.each([
    ["InvalidCursor", 400],
    ["StyleExists", 409],
    ["StyleLimitReached", 409],
    ["StyleChanged", 409],
    ["UnknownBucket", 404],
    ["TooManyAttempts", 429],
    ["PreviewBusy", 503],
    ["UpstreamTimeout", 504],
    ["PreviewTooExpensive", 422],
    ["RequestTimeout", 408],
    ["NoSuchJob", 404],
    ["NotAvailable", 501],
  ] as const)("%s answers %i", (code, status) => {
    expect(errorStatus(code)).toBe(status);
  });
  it("marks exactly the busy and transient codes retryable", () => {
    const retryable = Object.entries(API_ERRORS)
      .filter(([, row]) => row.retryable)
      .map(([code]) => code);
    expect(retryable.sort()).toEqual(
      [
        "TooManyAttempts",
        "PreviewBusy",
        "SourcesBusy",
        "UploadsBusy",
        "ProcessTimeout",
        "UpstreamTimeout",
        "UpstreamUnreachable",
        "UpstreamBusy",
        "UpstreamFailed",
        "OidcFailed",
        "OidcUnavailable",
      ].sort(),
    );
  });
});

describe("readApiError", () => {
  it("reads the API's body and nothing else", () => {
    expect(readApiError({ error: { code: "NoSuchStyle", message: "gone", requestId: "R1" } })).toEqual({
      code: "NoSuchStyle",
      message: "gone",
      requestId: "R1",
    });
    expect(readApiError({ error: { code: "toString", message: "x" } })).toBeUndefined();
    expect(readApiError({ error: { code: "NoSuchStyle" } })).toBeUndefined();
    expect(readApiError("<html>")).toBeUndefined();
    expect(readApiError(null)).toBeUndefined();
    expect(isErrorCode("constructor")).toBe(false);
  });
});
