import { OssError, redact } from "./errors.ts";
import { childText, parseXmlDocument } from "./xml.ts";

const KNOWN = new Set(["Code", "Message", "RequestId", "HostId", "EC"]);

function decodeBase64Header(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    return Buffer.from(value, "base64").toString("utf8");
  } catch {
    return undefined;
  }
}

/**
 * Turns a non-2xx response into an OssError: the `<Error>` document's fields (or, for bodiless HEAD
 * answers, the base64 `x-oss-err` header), falling back to `x-oss-request-id`/`x-oss-ec`. A body that
 * is not an OSS error document is a `bad-response` error with the status. Secrets are redacted.
 *
 * @example
 * const err = errorFromResponse(res, await res.text(), "getStyle", [creds.accessKeySecret]);
 * err.code; // "NoSuchStyle"
 */
export function errorFromResponse(
  res: Response,
  body: string,
  operation: string,
  secrets: readonly (string | undefined)[],
): OssError {
  const requestId = res.headers.get("x-oss-request-id") ?? undefined;
  const ec = res.headers.get("x-oss-ec") ?? undefined;
  const text = body.trim() || decodeBase64Header(res.headers.get("x-oss-err")) || "";
  const clean = (s: string | undefined) => (s === undefined ? undefined : redact(s, secrets));
  if (!text) {
    const code = res.status === 404 && operation === "headObject" ? "NoSuchKey" : `Http${res.status}`;
    return new OssError({
      kind: "service",
      code,
      message: `HTTP ${res.status} with no body`,
      operation,
      status: res.status,
      requestId,
      ec,
    });
  }
  let node: ReturnType<typeof parseXmlDocument>;
  try {
    node = parseXmlDocument(text, "Error", operation, res.status);
  } catch (error) {
    return unreadable(error, res.status, operation, requestId, secrets);
  }
  try {
    const details: Record<string, string> = {};
    for (const [name, value] of Object.entries(node)) {
      if (!KNOWN.has(name) && !name.startsWith("#") && typeof value === "string")
        details[name] = redact(value, secrets);
    }
    return new OssError({
      kind: "service",
      code: childText(node, "Code", "Error", operation, true),
      message: clean(childText(node, "Message", "Error", operation)) ?? `HTTP ${res.status}`,
      operation,
      status: res.status,
      requestId: childText(node, "RequestId", "Error", operation) ?? requestId,
      hostId: childText(node, "HostId", "Error", operation),
      ec: childText(node, "EC", "Error", operation) ?? ec,
      details,
    });
  } catch (error) {
    return unreadable(error, res.status, operation, requestId, secrets);
  }
}

// Any failure to read the error document is a bad-response error, never an exception: a thrown one
// would be taken by the transport for a network error and retried. Its text may quote the body, so it
// is redacted like every other field.
function unreadable(
  error: unknown,
  status: number,
  operation: string,
  requestId: string | undefined,
  secrets: readonly (string | undefined)[],
): OssError {
  const why = error instanceof Error ? error.message : String(error);
  const base = error instanceof OssError ? error : undefined;
  return new OssError({
    kind: base?.kind ?? "bad-response",
    code: base?.code ?? "MalformedResponse",
    message: redact(`HTTP ${status}: ${why}`, secrets),
    operation,
    status,
    requestId,
  });
}
