import type { ErrorCode, UpstreamDetails } from "@style-console/contract/errors";
import { OssError } from "@style-console/oss";
import { HttpError } from "../http/error.ts";

/**
 * How the console answers each OSS failure, first matching row wins: the one table of OSS → API codes
 * (the API code's status comes from the contract's `API_ERRORS`). A row says whose fault it is: an OSS
 * 400 about an argument the caller chose (the listing's `cursor`) is the caller's 400; an OSS 4xx about
 * what the console itself sent is the console's 502, never blamed on the caller.
 */
export const UPSTREAM_ERRORS: readonly {
  when: (error: OssError) => boolean;
  code: ErrorCode;
  what: string;
}[] = [
  { when: (e) => e.kind === "timeout", code: "UpstreamTimeout", what: "OSS did not answer in time" },
  { when: (e) => e.kind === "network", code: "UpstreamUnreachable", what: "OSS could not be reached" },
  {
    when: (e) => e.kind === "bad-response",
    code: "UpstreamBadResponse",
    what: "OSS answered with something unexpected",
  },
  // The client refused an argument before sending anything (an object key too long, say): the caller's
  // input was wrong, so it is the caller's 400, not a failure of OSS or of the console.
  {
    when: (e) => e.kind === "invalid-argument",
    code: "InvalidArgument",
    what: "The request cannot be sent to OSS as it is",
  },
  {
    when: (e) => e.kind === "credentials",
    code: "CredentialsError",
    what: "The console's OSS credentials are not usable",
  },
  // The caller went away and the call was cancelled with it: nobody is left to answer.
  { when: (e) => e.kind === "aborted", code: "RequestAborted", what: "The request was abandoned" },
  // The legacy IMG API (and the emulator) report the per-bucket style limit as 403 AccessDenied.
  {
    when: (e) => e.status === 403 && /style count/i.test(e.message),
    code: "StyleLimitReached",
    what: "The bucket has reached its style limit",
  },
  { when: (e) => e.code === "NoSuchBucket", code: "NoSuchBucket", what: "OSS has no such bucket" },
  { when: (e) => e.code === "NoSuchStyle", code: "NoSuchStyle", what: "OSS has no such style" },
  { when: (e) => e.code === "NoSuchKey", code: "NoSuchKey", what: "OSS has no such object" },
  {
    when: (e) =>
      e.status === 400 &&
      e.code === "InvalidArgument" &&
      e.details.ArgumentName?.toLowerCase() === "continuation-token",
    code: "InvalidCursor",
    what: "The cursor is not one a listing of this bucket returned",
  },
  {
    when: (e) => e.status === 401 || e.status === 403,
    code: "UpstreamDenied",
    what: "OSS refused the console's request",
  },
  {
    when: (e) => e.status === 404,
    code: "UpstreamNotFound",
    what: "OSS did not find what the console asked for",
  },
  { when: (e) => e.status === 429 || e.status === 503, code: "UpstreamBusy", what: "OSS is busy" },
  { when: (e) => (e.status ?? 0) >= 500, code: "UpstreamFailed", what: "OSS had a server-side error" },
  { when: () => true, code: "UpstreamRejected", what: "OSS rejected the request" },
];

function classify(error: OssError): { code: ErrorCode; what: string } {
  return (
    UPSTREAM_ERRORS.find((row) => row.when(error)) ?? {
      code: "UpstreamRejected",
      what: "OSS rejected the request",
    }
  );
}

/**
 * Maps whatever an OSS call threw to the API's one error type, keeping the OSS request id and hint.
 * OSS's own message is passed on (it explains things like "style count is exceeded"), with every
 * string in `secrets` (the secret key, the STS token) cut out in case a proxy echoed one back, and with
 * whatever else of a request it might quote (query strings, signatures, credential scopes) scrubbed by
 * {@link scrubUpstreamText}.
 * @example
 * try { await client.listStyles(); } catch (e) { throw upstreamError(e, "bucket-a", [secret]); }
 */
export function upstreamError(error: unknown, bucket: string, secrets: readonly string[]): HttpError {
  if (error instanceof HttpError) return error;
  if (!(error instanceof OssError)) {
    return new HttpError("UpstreamFailed", `The call to OSS for bucket "${bucket}" failed unexpectedly.`);
  }
  const { code, what } = classify(error);
  const redact = (text: string) =>
    secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join("[redacted]"), text);
  const ossMessage = scrubUpstreamText(redact(error.message)).slice(0, 300);
  const upstream: UpstreamDetails = {
    status: error.status ?? null,
    code: error.code,
    operation: error.operation,
    ...(error.ec === undefined ? {} : { ec: error.ec }),
    ...(error.hint === undefined ? {} : { hint: error.hint }),
  };
  const requestId = error.requestId;
  return new HttpError(code, describe(error, what, bucket, ossMessage), {
    cause: error,
    details: { upstream } as never,
    ...(requestId === undefined ? {} : { requestId }),
  });
}

// A network failure names the endpoint it could not reach (the client gives its host[:port] only, never
// the signed URL), so an operator can tell a mistyped endpoint from a network that is down.
function describe(error: OssError, what: string, bucket: string, ossMessage: string): string {
  if (error.kind === "network" && error.host !== undefined) {
    const reason = ossMessage.replace(/^network error(?: \([^)]*\))?: /, "");
    return `OSS at ${error.host} could not be reached (bucket "${bucket}"): ${reason}`;
  }
  return `${what} (bucket "${bucket}", ${error.code}): ${ossMessage}`;
}

// A signed URL's query, and the parts of an Authorization header or a presigned query that identify or
// prove the credential. A proxy's error page or a fetch library's message may quote any of them.
const URL_QUERY = /\b(https?:\/\/[^\s?#"'<>]+)[?#][^\s"'<>]*/gi;
const SECRET_PAIR =
  /\b((?:x-oss-)?(?:signature|credential|security-token|access-?key-?(?:id|secret)?|secret|token|password|expires|signature-?version|additional-?headers))(\s*[=:]\s*)[^\s&,;"'<>]+/gi;
const V1_AUTHORIZATION = /\bOSS\s+[\w.-]+:[\w+/=]+/g;

/**
 * Cuts out of text from outside (OSS's `<Message>`, a network library's error) what it may quote of a
 * signed request: a URL keeps its scheme, host and path but loses its query; `Signature=…`,
 * `Credential=…`, `x-oss-security-token=…` and their kin keep their name and lose their value.
 * @example
 * scrubUpstreamText("denied https://b.oss.example/k?x-oss-signature=abc"); // "denied https://b.oss.example/k"
 */
export function scrubUpstreamText(text: string): string {
  return text
    .replace(URL_QUERY, "$1")
    .replace(SECRET_PAIR, "$1$2[redacted]")
    .replace(V1_AUTHORIZATION, "OSS [redacted]");
}

/**
 * A failure as text fit for a response body, or for a record the API returns later (an audit note, a
 * scan warning, a job item's message): an {@link HttpError}'s own message (the API would answer it as
 * is) or an OSS error mapped by {@link upstreamError}, with the OSS request id; anything else, whose
 * text could hold anything, only by its kind (callers log its text, through {@link scrubUpstreamText}).
 * @example
 * failureText(ossError, "photos"); // 'OSS refused the console's request (bucket "photos", AccessDenied): … (request id 5F…)'
 * failureText(new TypeError("…"), "photos"); // 'An unexpected TypeError for bucket "photos" (its text is in the server log).'
 */
export function failureText(error: unknown, bucket?: string): string {
  const mapped =
    error instanceof HttpError || error instanceof OssError
      ? upstreamError(error, bucket ?? "(not named)", [])
      : undefined;
  if (!mapped) {
    const kind = error instanceof Error ? error.name : typeof error;
    const where = bucket === undefined ? "" : ` for bucket "${bucket}"`;
    return `An unexpected ${kind}${where} (its text is in the server log).`;
  }
  const requestId = mapped.extra.requestId;
  return requestId === undefined || mapped.message.includes(requestId)
    ? mapped.message
    : `${mapped.message} (OSS request id ${requestId})`;
}
