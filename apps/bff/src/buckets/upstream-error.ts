import { OssError } from "@style-console/oss";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { HttpError } from "../http/error.ts";

/** What the browser learns about an upstream failure: enough to act on, nothing secret. */
export interface UpstreamDetails {
  status: number | null;
  code: string;
  ec?: string;
  hint?: string;
  operation: string;
}

function classify(error: OssError): { status: ContentfulStatusCode; code: string; what: string } {
  if (error.kind === "timeout")
    return { status: 504, code: "UpstreamTimeout", what: "OSS did not answer in time" };
  if (error.kind === "network")
    return { status: 502, code: "UpstreamUnreachable", what: "OSS could not be reached" };
  if (error.kind === "bad-response")
    return { status: 502, code: "UpstreamBadResponse", what: "OSS answered with something unexpected" };
  // The client refused an argument before sending anything (an object key too long, say): the
  // caller's input was wrong, so it is the caller's 400, not a failure of OSS or of the console.
  if (error.kind === "invalid-argument")
    return { status: 400, code: "InvalidArgument", what: "The request cannot be sent to OSS as it is" };
  if (error.kind === "credentials")
    return { status: 500, code: "CredentialsError", what: "The console's OSS credentials are not usable" };
  if (error.kind !== "service")
    return { status: 500, code: "UpstreamCallFailed", what: "The OSS call could not be made" };
  const status = error.status ?? 0;
  if (status === 403 && /style count/i.test(error.message)) {
    return { status: 409, code: "StyleLimitReached", what: "The bucket has reached its style limit" };
  }
  if (error.code === "NoSuchBucket")
    return { status: 404, code: "NoSuchBucket", what: "OSS has no such bucket" };
  if (error.code === "NoSuchStyle")
    return { status: 404, code: "NoSuchStyle", what: "OSS has no such style" };
  if (status === 401 || status === 403)
    return { status: 502, code: "UpstreamDenied", what: "OSS refused the console's request" };
  if (status === 404)
    return { status: 502, code: "UpstreamNotFound", what: "OSS did not find what the console asked for" };
  if (status === 429 || status === 503) return { status: 503, code: "UpstreamBusy", what: "OSS is busy" };
  if (status >= 500) return { status: 502, code: "UpstreamFailed", what: "OSS had a server-side error" };
  return { status: 502, code: "UpstreamRejected", what: "OSS rejected the request" };
}

/**
 * Maps whatever an OSS call threw to the API's one error type, keeping the OSS request id and hint.
 * OSS's own message is passed on (it explains things like "style count is exceeded"), with every
 * string in `secrets` (the secret key, the STS token) cut out in case a proxy echoed one back.
 * @example
 * try { await client.listStyles(); } catch (e) { throw upstreamError(e, "bucket-a", [secret]); }
 */
export function upstreamError(error: unknown, bucket: string, secrets: readonly string[]): HttpError {
  if (error instanceof HttpError) return error;
  if (!(error instanceof OssError)) {
    return new HttpError(
      502,
      "UpstreamFailed",
      `The call to OSS for bucket "${bucket}" failed unexpectedly.`,
    );
  }
  const { status, code, what } = classify(error);
  const redact = (text: string) =>
    secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join("[redacted]"), text);
  const ossMessage = redact(error.message).slice(0, 300);
  const upstream: UpstreamDetails = {
    status: error.status ?? null,
    code: error.code,
    operation: error.operation,
    ...(error.ec === undefined ? {} : { ec: error.ec }),
    ...(error.hint === undefined ? {} : { hint: error.hint }),
  };
  const requestId = error.requestId;
  return new HttpError(status, code, `${what} (bucket "${bucket}", ${error.code}): ${ossMessage}`, {
    details: { upstream },
    ...(requestId === undefined ? {} : { requestId }),
  });
}
