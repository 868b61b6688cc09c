import { authorizationHeader } from "./authorization.ts";
import { canonicalRequest, normalizeAdditionalHeaders } from "./canonical.ts";
import { SignerInputError } from "./errors.ts";
import {
  cachedSigningKey,
  credentialScope,
  type ScopeParts,
  signatureHex,
  standardRegion,
  stringToSign,
} from "./key.ts";
import { isoBasic, rfc1123 } from "./time.ts";
import type { HeaderMap, SignableRequest, SigningContext } from "./types.ts";
import { UNSIGNED_PAYLOAD } from "./types.ts";

/** Options of {@link signRequest}. */
export interface SignRequestOptions {
  /**
   * Default true. False reproduces the Android SDK, which carries the time only in an unsigned `Date`
   * header (ISO basic) and sends no `x-oss-date`; useful only to check its vectors.
   */
  readonly signDateHeader?: boolean | undefined;
}

/** The headers to add to the request, plus the intermediates for debugging. */
export interface SignedRequest {
  readonly headers: Record<string, string>;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

/**
 * Resolves the scope of a signing context: date from the instant, region without `oss-`, product.
 *
 * @example
 * scopeOf({ credentials, region: "oss-cn-hangzhou", date: new Date(1702743657000) });
 * // { date: "20231216", region: "cn-hangzhou", product: "oss" }
 */
export function scopeOf(ctx: SigningContext): ScopeParts {
  return scopeAt(ctx, isoBasic(ctx.date));
}

function scopeAt(ctx: SigningContext, iso: string): ScopeParts {
  if (!ctx.region) throw new SignerInputError("region", "expected a region id such as cn-hangzhou");
  return { date: iso.slice(0, 8), region: standardRegion(ctx.region), product: ctx.product ?? "oss" };
}

/**
 * Case-insensitive overlay: names in `added` replace same-named headers in `base` (never sent twice).
 *
 * @example
 * overlayHeaders({ "X-Oss-Date": "old", a: "1" }, { "x-oss-date": "new" }); // { a: "1", "x-oss-date": "new" }
 */
export function overlayHeaders(base: HeaderMap, added: HeaderMap): Record<string, string> {
  const replaced = new Set(Object.keys(added).map((n) => n.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (!replaced.has(name.toLowerCase())) out[name] = value;
  return Object.assign(out, added);
}

/**
 * Refuses empty credentials, naming the field (never its value).
 *
 * @example
 * checkCredentials({ credentials: { accessKeyId: "", accessKeySecret: "x" }, region: "r", date }); // throws SignerInputError
 */
export function checkCredentials(ctx: SigningContext): void {
  if (!ctx.credentials?.accessKeyId)
    throw new SignerInputError("credentials.accessKeyId", "must not be empty");
  if (!ctx.credentials.accessKeySecret) {
    throw new SignerInputError("credentials.accessKeySecret", "must not be empty");
  }
}

/**
 * Header-mode signing. Returns the headers to add (`x-oss-date`, `Date`, `x-oss-content-sha256`,
 * `x-oss-security-token` for STS, `Authorization`); they replace any same-named input header.
 *
 * @example
 * const { headers } = signRequest(
 *   { method: "GET", bucket: "examplebucket", query: [["style", ""]] },
 *   { credentials: { accessKeyId: "ak", accessKeySecret: "sk" }, region: "cn-hangzhou", date: new Date() },
 * );
 * await fetch("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?style", { headers });
 */
export function signRequest(
  req: SignableRequest,
  ctx: SigningContext,
  options: SignRequestOptions = {},
): SignedRequest {
  checkCredentials(ctx);
  const iso = isoBasic(ctx.date);
  const scope = scopeAt(ctx, iso);
  const added: Record<string, string> = {};
  if (options.signDateHeader === false) {
    added.Date = iso;
  } else {
    added["x-oss-date"] = iso;
    added.Date = rfc1123(ctx.date);
  }
  const given = req.headers ?? {};
  if (!Object.keys(given).some((n) => n.toLowerCase() === "x-oss-content-sha256")) {
    added["x-oss-content-sha256"] = UNSIGNED_PAYLOAD;
  }
  if (ctx.credentials.securityToken) added["x-oss-security-token"] = ctx.credentials.securityToken;
  const headers = overlayHeaders(given, added);
  const additional = normalizeAdditionalHeaders(req.additionalHeaders, headers);
  const creq = canonicalRequest({ ...req, headers, additionalHeaders: additional });
  const scopeText = credentialScope(scope);
  const sts = stringToSign(iso, scopeText, creq);
  const signature = signatureHex(cachedSigningKey(ctx.credentials.accessKeySecret, scope), sts);
  added.Authorization = authorizationHeader(ctx.credentials.accessKeyId, scopeText, additional, signature);
  return { headers: added, canonicalRequest: creq, stringToSign: sts, signature };
}
