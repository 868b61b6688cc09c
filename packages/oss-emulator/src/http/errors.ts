/**
 * Every error the emulator can answer, built by one function (`ossError`) from one catalogue.
 *
 * Status, Code and EC come from the OSS error-code pages (help/en/oss/support/<EC>) and the SDK tests
 * cited in the reference (oss-api.md §1, §2.7). Where no page gives an EC, the entry has none and the
 * `<EC>` element is left out, as OSS itself does on some responses: inventing an EC would send a person
 * to the wrong troubleshooting page.
 */

interface ErrorSpec {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly ec?: string;
}

const catalogue = {
  // Addressing and resources.
  NoSuchBucket: {
    status: 404,
    code: "NoSuchBucket",
    message: "The specified bucket does not exist.",
    ec: "0015-00000101",
  },
  NoSuchKey: {
    status: 404,
    code: "NoSuchKey",
    message: "The specified key does not exist.",
    ec: "0026-00000001",
  },
  NoSuchStyle: { status: 404, code: "NoSuchStyle", message: "The specified style does not exist." },
  InvalidBucketName: {
    status: 400,
    code: "InvalidBucketName",
    message: "The specified bucket is not valid.",
  },
  InvalidObjectName: {
    status: 400,
    code: "InvalidObjectName",
    message: "The specified object name is not valid.",
  },
  InvalidURI: { status: 400, code: "InvalidURI", message: "The request URI could not be decoded." },
  MethodNotAllowed: {
    status: 405,
    code: "MethodNotAllowed",
    message: "The specified method is not allowed against this resource.",
  },
  NotImplemented: {
    status: 501,
    code: "NotImplemented",
    message: "A header or query you provided implies functionality that is not implemented.",
  },
  // Preconditions, ranges and overwrites (GetObject, PutObject pages; the HTTP Range page).
  PreconditionFailed: {
    status: 412,
    code: "PreconditionFailed",
    message: "At least one of the pre-conditions you specified did not hold.",
  },
  InvalidRange: { status: 416, code: "InvalidRange", message: "The requested range cannot be satisfied." },
  FileAlreadyExists: {
    status: 409,
    code: "FileAlreadyExists",
    message: "The object you specified already exists and can not be overwritten.",
  },
  // Bodies.
  MalformedXML: {
    status: 400,
    code: "MalformedXML",
    message: "The XML you provided was not well-formed or did not validate against our published schema.",
  },
  EntityTooLarge: {
    status: 400,
    code: "EntityTooLarge",
    message: "Your proposed upload exceeds the maximum allowed size.",
  },
  InvalidDigest: {
    status: 400,
    code: "InvalidDigest",
    message: "The Content-MD5 you specified was invalid.",
  },
  BadDigest: {
    status: 400,
    code: "BadDigest",
    message: "The Content-MD5 you specified did not match what we received.",
  },
  IncompleteBody: {
    status: 400,
    code: "IncompleteBody",
    message: "You did not provide the number of bytes specified by the Content-Length HTTP header.",
  },
  InvalidArgument: { status: 400, code: "InvalidArgument", message: "An argument you provided is invalid." },
  // Styles (D-EC 0017-00000250/251/253; the over-limit error is undocumented, see §2.6).
  InvalidStyleNameLength: { status: 400, code: "InvalidArgument", message: "", ec: "0017-00000250" },
  InvalidStyleNameChars: { status: 400, code: "InvalidArgument", message: "", ec: "0017-00000251" },
  InvalidStyleContent: {
    status: 400,
    code: "BadRequest",
    message: "Style content is invalid.",
    ec: "0017-00000253",
  },
  InvalidStyleCategory: { status: 400, code: "InvalidArgument", message: "" },
  TooManyStyles: { status: 403, code: "AccessDenied", message: "" },
  ImageProcessFailed: { status: 400, code: "InvalidArgument", message: "" },
  // Authentication.
  AccessDenied: {
    status: 403,
    code: "AccessDenied",
    message: "You have no right to access this object because of bucket acl.",
  },
  SignatureV1Refused: {
    status: 403,
    code: "AccessDenied",
    message:
      "This emulator accepts only Signature V4 (OSS4-HMAC-SHA256); the request is signed with V1 (OSS ak:signature).",
  },
  SignatureDoesNotMatch: {
    status: 403,
    code: "SignatureDoesNotMatch",
    message:
      "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
    ec: "0002-00000201",
  },
  InvalidAccessKeyId: {
    status: 403,
    code: "InvalidAccessKeyId",
    message: "The OSS Access Key Id you provided does not exist in our records.",
  },
  InvalidSecurityToken: {
    status: 403,
    code: "InvalidAccessKeyId",
    message: "The OSS Access Key Id you provided does not exist in our records.",
    ec: "0002-00000002",
  },
  MalformedAuthorization: { status: 400, code: "InvalidArgument", message: "" },
  InvalidCredentialAccessKey: { status: 400, code: "InvalidArgument", message: "", ec: "0002-00000206" },
  InvalidQueryCredentialAccessKey: { status: 400, code: "InvalidArgument", message: "", ec: "0002-00000222" },
  InvalidQueryCredential: { status: 400, code: "InvalidArgument", message: "", ec: "0002-00000224" },
  EmptyAdditionalHeaders: { status: 400, code: "InvalidArgument", message: "", ec: "0002-00000209" },
  HyphenatedHeaderDate: { status: 400, code: "InvalidArgument", message: "", ec: "0002-00000212" },
  HyphenatedQueryDate: { status: 400, code: "InvalidArgument", message: "", ec: "0002-00000223" },
  InvalidContentSha256: { status: 400, code: "InvalidArgument", message: "", ec: "0002-00000214" },
  InvalidRegion: { status: 400, code: "InvalidArgument", message: "", ec: "0002-00000226" },
  WrongRegion: { status: 403, code: "SignatureDoesNotMatch", message: "", ec: "0002-00000228" },
  InvalidExpires: { status: 400, code: "InvalidArgument", message: "", ec: "0002-00000232" },
  RequestNotYetValid: { status: 403, code: "AccessDenied", message: "", ec: "0002-00000235" },
  RequestExpired: { status: 403, code: "AccessDenied", message: "Request has expired.", ec: "0002-00000069" },
  InvalidDateFormat: { status: 400, code: "InvalidArgument", message: "", ec: "0002-00000502" },
  MissingDate: {
    status: 403,
    code: "AccessDenied",
    message: "AWS authentication requires a valid Date or x-oss-date header.",
    ec: "0002-00000503",
  },
  RequestTimeTooSkewed: {
    status: 403,
    code: "RequestTimeTooSkewed",
    message: "The difference between the request time and the current time is too large.",
    ec: "0002-00000504",
  },
  // Faults and the server itself.
  SlowDown: { status: 429, code: "SlowDown", message: "Please reduce your request rate." },
  InternalError: {
    status: 500,
    code: "InternalError",
    message: "We encountered an internal error. Please try again.",
  },
  ServiceUnavailable: {
    status: 503,
    code: "ServiceUnavailable",
    message: "Please reduce your request rate.",
  },
} satisfies Record<string, ErrorSpec>;

export type ErrorName = keyof typeof catalogue;

/** One OSS error, thrown by handlers and turned into `<Error>` XML by the server's single error handler. */
export class OssError extends Error {
  readonly status: number;
  readonly code: string;
  readonly ec: string | undefined;
  /** Extra `<Error>` children, in order (BucketName, StringToSign, …). */
  readonly fields: ReadonlyArray<readonly [string, string]>;
  /** Extra response headers (for example `Retry-After` on a fault). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    spec: ErrorSpec,
    message: string,
    fields: ReadonlyArray<readonly [string, string]>,
    headers: Record<string, string>,
  ) {
    super(message);
    this.name = "OssError";
    this.status = spec.status;
    this.code = spec.code;
    this.ec = spec.ec;
    this.fields = fields;
    this.headers = headers;
  }
}

export interface ErrorDetails {
  /** Overrides the catalogue message (entries with an empty message always need one). */
  readonly message?: string;
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;
  /** Status, code and EC of an error raised elsewhere with its own OSS identity (the image renderer). */
  readonly identity?: { readonly status: number; readonly code: string; readonly ec?: string | undefined };
}

/**
 * Builds the OSS error `name` from the catalogue.
 *
 * @example
 * throw ossError("NoSuchBucket", { fields: { BucketName: "photos" } });
 */
export function ossError(name: ErrorName, details: ErrorDetails = {}): OssError {
  const spec: ErrorSpec = details.identity ? { ...catalogue[name], ...details.identity } : catalogue[name];
  const message = details.message ?? spec.message;
  return new OssError(spec, message || spec.code, Object.entries(details.fields ?? {}), {
    ...details.headers,
  });
}
