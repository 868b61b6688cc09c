import type { StyleDto } from "../dto/index.ts";
import type { NameIssue, PositionedIssue } from "../names/index.ts";
import type { PasswordProblem } from "../people/index.ts";

/**
 * Every error code the API answers with, its HTTP status, and whether trying again later can help. The one
 * table: the BFF's `HttpError` takes its status from here, the SPA branches on the code, and
 * `errors.test.ts` checks each row. 4xx is the caller's to fix, 5xx the console's or OSS's (STYLE.md §5).
 */
export const API_ERRORS = {
  // The request itself.
  InvalidRequest: { status: 400, retryable: false },
  MalformedJson: { status: 400, retryable: false },
  BadRequest: { status: 400, retryable: false },
  UnsupportedMediaType: { status: 415, retryable: false },
  PayloadTooLarge: { status: 413, retryable: false },
  NotFound: { status: 404, retryable: false },
  /** The body arrived too slowly, or stalled (http/read-body.ts). */
  RequestTimeout: { status: 408, retryable: false },
  /** The body ended before its declared length. */
  IncompleteBody: { status: 400, retryable: false },
  // Who is asking.
  Unauthenticated: { status: 401, retryable: false },
  InvalidToken: { status: 401, retryable: false },
  CsrfRejected: { status: 403, retryable: false },
  TooManyAttempts: { status: 429, retryable: true },
  // Styles.
  UnknownBucket: { status: 404, retryable: false },
  NoSuchBucket: { status: 404, retryable: false },
  NoSuchStyle: { status: 404, retryable: false },
  InvalidStyleName: { status: 400, retryable: false },
  InvalidStyleContent: { status: 400, retryable: false },
  StyleExists: { status: 409, retryable: false },
  StyleChanged: { status: 409, retryable: false },
  StyleLimitReached: { status: 409, retryable: false },
  /** An update sent neither `expectedLastModifyTime` nor `force: true`. */
  PreconditionRequired: { status: 428, retryable: false },
  // Objects and OSS arguments the caller chose.
  NoSuchKey: { status: 404, retryable: false },
  InvalidCursor: { status: 400, retryable: false },
  InvalidArgument: { status: 400, retryable: false },
  MissingArgument: { status: 400, retryable: false },
  // Previews, samples and uploads.
  InvalidProcess: { status: 400, retryable: false },
  InvalidSource: { status: 400, retryable: false },
  NoBucket: { status: 400, retryable: false },
  NoSuchSample: { status: 404, retryable: false },
  NoSuchWatermark: { status: 404, retryable: false },
  WatermarkError: { status: 400, retryable: false },
  SourceTooLarge: { status: 413, retryable: false },
  ImageTooLarge: { status: 413, retryable: false },
  UnsupportedImageType: { status: 415, retryable: false },
  UnreadableImage: { status: 400, retryable: false },
  CorruptImage: { status: 400, retryable: false },
  BuiltinSample: { status: 403, retryable: false },
  MalformedUpload: { status: 400, retryable: false },
  MissingFile: { status: 400, retryable: false },
  RequestAborted: { status: 499, retryable: false },
  PreviewBusy: { status: 503, retryable: true },
  SourcesBusy: { status: 503, retryable: true },
  UploadsBusy: { status: 503, retryable: true },
  ProcessTimeout: { status: 503, retryable: true },
  /** The draft on this image needs more memory or time than a preview may take, every time: not busy. */
  PreviewTooExpensive: { status: 422, retryable: false },
  /** Decoding this upload to check it needs more memory than a preview may take. */
  ImageTooExpensive: { status: 422, retryable: false },
  UploadQuotaExceeded: { status: 413, retryable: false },
  // People, roles, tokens and single sign-on (issue 10).
  AccountDisabled: { status: 403, retryable: false },
  BucketNotAllowed: { status: 403, retryable: false },
  BuiltinAccount: { status: 409, retryable: false },
  Forbidden: { status: 403, retryable: false },
  InvalidCredentials: { status: 401, retryable: false },
  LinkInvalid: { status: 404, retryable: false },
  NoAccessRule: { status: 403, retryable: false },
  NoSuchSession: { status: 404, retryable: false },
  NoSuchToken: { status: 404, retryable: false },
  NoSuchUser: { status: 404, retryable: false },
  NotWithThisSignIn: { status: 403, retryable: false },
  NotYourself: { status: 409, retryable: false },
  OidcFailed: { status: 502, retryable: true },
  OidcUnavailable: { status: 502, retryable: true },
  RoleTooHigh: { status: 403, retryable: false },
  SsoNotConfigured: { status: 404, retryable: false },
  UsernameTaken: { status: 409, retryable: false },
  WeakPassword: { status: 400, retryable: false },
  WrongPassword: { status: 403, retryable: false },
  // Fleet: plans, jobs, import files and bucket logging (fleet/, buckets/).
  NoSuchJob: { status: 404, retryable: false },
  JobNotPlanned: { status: 409, retryable: false },
  NotYourPlan: { status: 403, retryable: false },
  PlanMismatch: { status: 409, retryable: false },
  NoTargets: { status: 400, retryable: false },
  InvalidImportFile: { status: 400, retryable: false },
  InvalidTargetBucketForLogging: { status: 400, retryable: false },
  /** The deployment cannot do this (no OSS client for the bucket). */
  NotAvailable: { status: 501, retryable: false },
  // History, drafts and review (issue 11).
  NoSuchVersion: { status: 404, retryable: false },
  NoSuchDraft: { status: 404, retryable: false },
  DraftChanged: { status: 409, retryable: false },
  DraftPublished: { status: 409, retryable: false },
  ReviewNotRequested: { status: 409, retryable: false },
  /** The bucket requires review for every change: a direct write is refused. */
  ReviewRequired: { status: 403, retryable: false },
  /** Nobody approves or sends back their own draft. */
  OwnDraft: { status: 403, retryable: false },
  // OSS and the console's own failures.
  UpstreamTimeout: { status: 504, retryable: true },
  UpstreamUnreachable: { status: 502, retryable: true },
  UpstreamBadResponse: { status: 502, retryable: false },
  UpstreamDenied: { status: 502, retryable: false },
  UpstreamNotFound: { status: 502, retryable: false },
  UpstreamBusy: { status: 503, retryable: true },
  UpstreamFailed: { status: 502, retryable: true },
  UpstreamRejected: { status: 502, retryable: false },
  CredentialsError: { status: 500, retryable: false },
  InternalError: { status: 500, retryable: false },
} as const satisfies Record<string, { status: number; retryable: boolean }>;

/** One of the API's error codes. */
export type ErrorCode = keyof typeof API_ERRORS;

/** The HTTP status of `code`'s row. */
export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof API_ERRORS)[C]["status"];

/** What the browser learns about an OSS failure: enough to act on, nothing secret. */
export interface UpstreamDetails {
  /** OSS's HTTP status; null when no answer came. */
  status: number | null;
  /** OSS's `Code` (`SignatureDoesNotMatch`, …) or the client's failure kind. */
  code: string;
  /** OSS's `EC`, the key to its error-code pages. */
  ec?: string;
  hint?: string;
  /** The client operation (`listStyles`, `getObject`, …). */
  operation: string;
}

/** One failed field of a request schema. */
export interface RequestIssue {
  /** Dotted path into the input (`name`, `objects.0.key`); empty for the whole input. */
  path: string;
  message: string;
}

/**
 * The typed `details` of the codes that carry any. A code not listed here carries none, except that every
 * upstream code may carry `upstream`.
 */
export interface ErrorDetailsByCode {
  InvalidRequest: { issues: RequestIssue[] };
  InvalidStyleName: { errors: NameIssue[] };
  InvalidStyleContent: { errors: PositionedIssue[] };
  InvalidProcess: { errors: PositionedIssue[] };
  StyleExists: { current: StyleDto };
  /** The style as OSS holds it now (a restore without `expectedLastModifyTime`). */
  PreconditionRequired: { current: StyleDto };
  /** `current` is null when the style is gone; `draft` is the draft being published (history issue). */
  StyleChanged: { current: StyleDto | null; draft?: object };
  UnknownBucket: { bucket: string };
  TooManyAttempts: { retryAfter: number };
  Forbidden: { need: string; role: string };
  BucketNotAllowed: { bucket?: string; allowed: readonly string[] };
  RoleTooHigh: { role: string; max: string };
  WeakPassword: { problem: PasswordProblem };
  OidcUnavailable: { cause: string };
  InvalidImportFile: { issues: RequestIssue[] };
  PreviewTooExpensive: PreviewCost;
  ImageTooExpensive: PreviewCost & { reason: "memory" };
}

/**
 * Why a preview costs too much: the step (`resize`, `watermark logo.png`, a decode) and its limit, in
 * seconds for `reason: "time"`, in MB (2^20 bytes) for `reason: "memory"`.
 */
export type PreviewCost =
  | { operation: string; reason: "time"; limitSeconds: number }
  | { operation?: string; reason: "memory"; neededMB: number; limitMB: number };

// OSS failures carry what OSS said; render failures the OSS error code (EC) of the refused operation.
type UpstreamCode =
  | "StyleLimitReached"
  | "NoSuchBucket"
  | "NoSuchKey"
  | "InvalidCursor"
  | "CredentialsError"
  | Extract<ErrorCode, `Upstream${string}`>;
type RenderCode =
  | "BadRequest"
  | "ImageTooLarge"
  | "WatermarkError"
  | "ProcessTimeout"
  | "UnreadableImage"
  | "CorruptImage";

/**
 * The `details` of `code`: its row in {@link ErrorDetailsByCode}, `{ upstream }` for OSS failures, `{ ec }`
 * for a render's; `never` (no details) for the rest.
 */
export type ErrorDetails<C extends ErrorCode> = C extends keyof ErrorDetailsByCode
  ? ErrorDetailsByCode[C]
  : C extends UpstreamCode
    ? { upstream: UpstreamDetails }
    : C extends RenderCode
      ? { ec: string }
      : C extends "InvalidArgument" | "MissingArgument" | "NoSuchStyle"
        ? { ec?: string; upstream?: UpstreamDetails }
        : never;

/** The error body of one code: `{ error: { code, message, details?, requestId? } }`. */
export type ApiErrorOf<C extends ErrorCode> = {
  code: C;
  message: string;
  details?: ErrorDetails<C>;
  /** The OSS request id when OSS was involved. */
  requestId?: string;
};

/** The one error body the API answers with; `error.code` discriminates `error.details`. */
export type ApiErrorBody = { error: { [C in ErrorCode]: ApiErrorOf<C> }[ErrorCode] };

/**
 * Whether `code` is one of the API's error codes.
 * @example
 * isErrorCode("StyleExists"); // true
 */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(API_ERRORS, code);
}

/**
 * The HTTP status of an error code.
 * @example
 * errorStatus("InvalidCursor"); // 400
 */
export function errorStatus<C extends ErrorCode>(code: C): ErrorStatus<C> {
  return API_ERRORS[code].status;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads an untrusted JSON body (a BFF answer, or a proxy's page) as the API's error, or `undefined` when
 * it is not one. `details` is trusted as the code's type: the BFF is the only writer of this shape.
 * @example
 * readApiError({ error: { code: "NoSuchStyle", message: "…" } })?.code; // "NoSuchStyle"
 */
export function readApiError(body: unknown): ApiErrorBody["error"] | undefined {
  if (!isObject(body) || !isObject(body.error)) return undefined;
  const { code, message, details, requestId } = body.error;
  if (!isErrorCode(code) || typeof message !== "string") return undefined;
  return {
    code,
    message,
    ...(details === undefined ? {} : { details }),
    ...(typeof requestId === "string" ? { requestId } : {}),
  } as ApiErrorBody["error"];
}
