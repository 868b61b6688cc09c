import { canonicalRequest, normalizeAdditionalHeaders } from "./canonical.ts";
import { percentEncode } from "./encode.ts";
import { SignerInputError } from "./errors.ts";
import { cachedSigningKey, credentialScope, signatureHex, stringToSign } from "./key.ts";
import { checkCredentials, scopeOf } from "./sign-request.ts";
import { isoBasic } from "./time.ts";
import type { QueryParams, SignableRequest, SigningContext } from "./types.ts";
import { ALGORITHM, MAX_PRESIGN_EXPIRES_SECONDS } from "./types.ts";

/** A signing context plus the URL lifetime. */
export interface PresignContext extends SigningContext {
  /** Seconds from `date`, integer 1–604800 (7 days). */
  readonly expiresSeconds: number;
}

/** Options of {@link presign}. */
export interface PresignOptions {
  /**
   * Name of the STS token parameter; default `x-oss-security-token` (every SDK but Android, whose V4
   * presigner keeps the V1 name `security-token`). Only to check the Android vectors.
   */
  readonly securityTokenParam?: "x-oss-security-token" | "security-token" | undefined;
}

/** The presigned query and the intermediates for debugging. */
export interface PresignResult {
  /** Caller's parameters, then the `x-oss-*` auth parameters, then `x-oss-signature`; raw values. */
  readonly query: QueryParams;
  /** `query` percent-encoded for the wire. */
  readonly queryString: string;
  readonly signature: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

const AUTH_PARAMS = new Set([
  "x-oss-signature-version",
  "x-oss-date",
  "x-oss-expires",
  "x-oss-credential",
  "x-oss-additional-headers",
  "x-oss-security-token",
  "x-oss-signature",
]);

/**
 * Encodes query pairs for the wire exactly as they are signed (`%20`, never `+`); empty values as bare names.
 *
 * @example
 * wireQuery([["style", ""], ["styleName", "a b"]]); // "style&styleName=a%20b"
 */
export function wireQuery(query: QueryParams): string {
  return query
    .map(([n, v]) =>
      v ? `${percentEncode(n, false, "query name")}=${percentEncode(v, false, n)}` : percentEncode(n),
    )
    .join("&");
}

function checkExpires(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_PRESIGN_EXPIRES_SECONDS) {
    throw new SignerInputError(
      "expiresSeconds",
      `expected an integer 1–${MAX_PRESIGN_EXPIRES_SECONDS}, got ${seconds}`,
    );
  }
}

/**
 * Query-mode signing (presigned URL). Every `content-type`, `content-md5` and `x-oss-*` header given
 * here is signed, so whoever uses the URL must send exactly those headers.
 *
 * @example
 * const { queryString } = presign(
 *   { method: "GET", bucket: "examplebucket", key: "photos/cat 1.jpg", query: [["x-oss-process", "style/small"]] },
 *   { credentials: { accessKeyId: "ak", accessKeySecret: "sk" }, region: "cn-hangzhou", date: new Date(), expiresSeconds: 3600 },
 * );
 */
export function presign(
  req: SignableRequest,
  ctx: PresignContext,
  options: PresignOptions = {},
): PresignResult {
  checkCredentials(ctx);
  checkExpires(ctx.expiresSeconds);
  const given = req.query ?? [];
  const clash = given.find(([name]) => AUTH_PARAMS.has(name.toLowerCase()));
  if (clash) throw new SignerInputError("query", `${clash[0]} is set by the signer and must not be given`);
  const scope = scopeOf(ctx);
  const scopeText = credentialScope(scope);
  const iso = isoBasic(ctx.date);
  const headers = req.headers ?? {};
  const additional = normalizeAdditionalHeaders(req.additionalHeaders, headers);
  const auth: [string, string][] = [
    ["x-oss-signature-version", ALGORITHM],
    ["x-oss-date", iso],
    ["x-oss-expires", String(ctx.expiresSeconds)],
    ["x-oss-credential", `${ctx.credentials.accessKeyId}/${scopeText}`],
  ];
  if (ctx.credentials.securityToken) {
    auth.push([options.securityTokenParam ?? "x-oss-security-token", ctx.credentials.securityToken]);
  }
  if (additional.length > 0) auth.push(["x-oss-additional-headers", additional.join(";")]);
  const signed = [...given, ...auth];
  const creq = canonicalRequest({ ...req, query: signed, headers, additionalHeaders: additional });
  const sts = stringToSign(iso, scopeText, creq);
  const signature = signatureHex(cachedSigningKey(ctx.credentials.accessKeySecret, scope), sts);
  const query: QueryParams = [...signed, ["x-oss-signature", signature]];
  return { query, queryString: wireQuery(query), signature, canonicalRequest: creq, stringToSign: sts };
}

/**
 * A presigned URL: `baseUrl` (scheme, host and already-encoded path, no query) plus the signed query.
 *
 * @example
 * presignUrl("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/photos/cat%201.jpg",
 *   { method: "GET", bucket: "examplebucket", key: "photos/cat 1.jpg" },
 *   { credentials, region: "cn-hangzhou", date: new Date(), expiresSeconds: 900 });
 */
export function presignUrl(baseUrl: string, req: SignableRequest, ctx: PresignContext): string {
  if (baseUrl.includes("?"))
    throw new SignerInputError("baseUrl", "must not contain a query; pass it in req.query");
  return `${baseUrl}?${presign(req, ctx).queryString}`;
}
