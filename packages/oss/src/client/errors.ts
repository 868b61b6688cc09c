import { hintFor } from "./hints.ts";

/**
 * What went wrong, as a discriminant:
 * - `service`: OSS answered with an `<Error>` document (or its HEAD equivalent);
 * - `bad-response`: the server answered with something that is not what OSS sends (HTML page,
 *   malformed or unexpected XML);
 * - `network`: connection refused/reset, or the body was cut off;
 * - `timeout`, `aborted`: the per-attempt timeout fired, or the caller's AbortSignal did;
 * - `invalid-argument`, `credentials`: refused before anything was sent.
 */
export type OssErrorKind =
  | "service"
  | "bad-response"
  | "network"
  | "timeout"
  | "aborted"
  | "invalid-argument"
  | "credentials";

export interface OssErrorInit {
  readonly kind: OssErrorKind;
  readonly code: string;
  readonly message: string;
  /** The client call, e.g. `putStyle`; selects the hint. */
  readonly operation: string;
  readonly status?: number | undefined;
  readonly requestId?: string | undefined;
  readonly hostId?: string | undefined;
  readonly ec?: string | undefined;
  /** Other `<Error>` children (StringToSign, ServerTime, …), already free of secrets. */
  readonly details?: Readonly<Record<string, string>> | undefined;
  /** How many attempts were made before giving up. */
  readonly attempts?: number | undefined;
  /**
   * The endpoint's `host[:port]` the request went to, set when no answer came (`network`): the one thing
   * an operator needs to tell a wrong endpoint from a down network. Never a path or query (they carry
   * the signature).
   */
  readonly host?: string | undefined;
  readonly cause?: unknown;
}

/**
 * The one error type of the client. Carries OSS's `Code`, `Message`, `RequestId`, `HostId` and `EC`,
 * plus a `hint` a person can act on for known codes. Never contains the AccessKey secret or STS token.
 *
 * @example
 * try { await client.putStyle("small", "image/resize,w_200"); } catch (e) {
 *   if (e instanceof OssError && e.code === "AccessDenied") console.log(e.hint); // "grant `oss:PutStyle` on this bucket …"
 * }
 */
export class OssError extends Error {
  override readonly name = "OssError";
  readonly kind: OssErrorKind;
  readonly code: string;
  readonly operation: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly hostId: string | undefined;
  readonly ec: string | undefined;
  readonly details: Readonly<Record<string, string>>;
  readonly hint: string | undefined;
  readonly attempts: number;
  /** The endpoint's `host[:port]` a network failure happened on (see {@link OssErrorInit.host}). */
  readonly host: string | undefined;

  constructor(init: OssErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.code = init.code;
    this.operation = init.operation;
    this.status = init.status;
    this.requestId = init.requestId;
    this.hostId = init.hostId;
    this.ec = init.ec;
    this.details = init.details ?? {};
    this.attempts = init.attempts ?? 1;
    this.host = init.host;
    this.hint = hintFor(init.code, init.operation, init.status, init.message);
  }

  /** A copy with the attempt count filled in (the retry loop knows it, the response parser does not). */
  withAttempts(attempts: number): OssError {
    return new OssError({ ...this.toInit(), attempts });
  }

  private toInit(): OssErrorInit {
    const { kind, code, message, operation, status, requestId, hostId, ec, details, attempts, host, cause } =
      this;
    return { kind, code, message, operation, status, requestId, hostId, ec, details, attempts, host, cause };
  }

  /** A JSON-safe view for logs (no stack, no cause). */
  toJSON(): Record<string, unknown> {
    const { kind, code, message, operation, status, requestId, hostId, ec, details, hint, attempts, host } =
      this;
    return {
      name: this.name,
      kind,
      code,
      message,
      operation,
      status,
      requestId,
      hostId,
      ec,
      details,
      hint,
      attempts,
      ...(host === undefined ? {} : { host }),
    };
  }
}

/**
 * Replaces every occurrence of each secret with `[redacted]`, so that a server echoing a header (or a
 * library quoting one) cannot leak it through an error.
 *
 * @example
 * redact("bad token abc123", ["abc123"]); // "bad token [redacted]"
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  return out;
}
