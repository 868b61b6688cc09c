import { parseAuthorizationHeader } from "@style-console/oss/signer";
import { queryValue } from "../http/address.ts";
import { ossError } from "../http/errors.ts";
import { parseIsoBasic, parseRfc1123 } from "../http/time.ts";

/**
 * What a signed request claims, read from either the Authorization header or the presigned query,
 * with each form's syntax errors mapped to the EC OSS uses for it. Nothing here checks the signature.
 */
export interface Claim {
  readonly mode: "header" | "query";
  readonly accessKeyId: string;
  /** `YYYYMMDD` of the credential scope. */
  readonly scopeDate: string;
  readonly region: string;
  readonly product: string;
  /** `x-oss-date` as sent (ISO basic): line 2 of the string to sign. */
  readonly isoDate: string;
  readonly requestTime: Date;
  /** Seconds of validity (query mode only). */
  readonly expires: number | undefined;
  /** Exactly as written by the client: the list is itself part of what is signed. */
  readonly additionalHeaders: readonly string[];
  readonly signature: string;
  readonly securityToken: string | undefined;
}

type Headers = Readonly<Record<string, string>>;
type Query = ReadonlyArray<readonly [string, string]>;

const accessKeyChars = /^[\x21-\x7e]+$/;
const hyphenated = /^\d{4}-\d{2}-\d{2}/;

/**
 * Reads the claim of a header-signed request.
 *
 * @example
 * const claim = headerClaim({ authorization: "OSS4-HMAC-SHA256 Credential=…", "x-oss-date": "20231216T162057Z" });
 */
export function headerClaim(headers: Headers): Claim {
  const authorization = headers.authorization ?? "";
  if (/^OSS [^\s]+:/.test(authorization.trim())) throw ossError("SignatureV1Refused");
  const parsed = parseAuthorizationHeader(authorization);
  if (!parsed.ok) {
    // Picked by code, not by the reason's text: "duplicate AdditionalHeaders" is malformed, not empty.
    if (parsed.code === "empty-additional-headers")
      throw ossError("EmptyAdditionalHeaders", {
        message: "AdditionalHeaders in the Authorization header must not be empty.",
      });
    throw ossError("MalformedAuthorization", { message: `Invalid Authorization header: ${parsed.reason}.` });
  }
  const { value } = parsed;
  if (!accessKeyChars.test(value.accessKeyId)) {
    throw ossError("InvalidCredentialAccessKey", {
      message: "The AccessKeyId in the Credential of the Authorization header has invalid characters.",
    });
  }
  const { isoDate, requestTime } = headerTime(headers);
  return {
    mode: "header",
    accessKeyId: value.accessKeyId,
    scopeDate: value.date,
    region: value.region,
    product: value.product,
    isoDate,
    requestTime,
    expires: undefined,
    additionalHeaders: value.additionalHeaders,
    signature: value.signature,
    securityToken: headers["x-oss-security-token"],
  };
}

function headerTime(headers: Headers): { isoDate: string; requestTime: Date } {
  const ossDate = headers["x-oss-date"];
  const date = headers.date;
  if (ossDate !== undefined) {
    if (hyphenated.test(ossDate))
      throw ossError("HyphenatedHeaderDate", {
        message: `x-oss-date "${ossDate}" must be YYYYMMDDTHHMMSSZ, without hyphens.`,
      });
    const time = parseIsoBasic(ossDate);
    if (!time)
      throw ossError("InvalidDateFormat", {
        message: `x-oss-date "${ossDate}" is not in ISO 8601 basic form (YYYYMMDDTHHMMSSZ).`,
      });
    if (date !== undefined && !parseRfc1123(date)) {
      throw ossError("InvalidDateFormat", { message: `Date "${date}" is not an RFC 1123 GMT date.` });
    }
    return { isoDate: ossDate, requestTime: time };
  }
  if (date === undefined) throw ossError("MissingDate");
  // Without x-oss-date the Android SDK puts the ISO time in Date (reference §7.6); accept both forms.
  const iso = parseIsoBasic(date);
  if (iso) return { isoDate: date, requestTime: iso };
  throw ossError("InvalidDateFormat", {
    message: `Without x-oss-date, Date "${date}" must carry the signing time as YYYYMMDDTHHMMSSZ.`,
  });
}

/**
 * Reads the claim of a presigned URL (`x-oss-signature-version=OSS4-HMAC-SHA256&…`).
 *
 * @example
 * const claim = queryClaim([["x-oss-signature-version", "OSS4-HMAC-SHA256"], …]);
 */
export function queryClaim(query: Query): Claim {
  const version = queryValue(query, "x-oss-signature-version");
  if (version !== "OSS4-HMAC-SHA256") {
    throw ossError("MalformedAuthorization", {
      message: `x-oss-signature-version must be OSS4-HMAC-SHA256, got "${version ?? ""}"; this emulator accepts only Signature V4.`,
    });
  }
  const required = (name: string): string => {
    const v = queryValue(query, name);
    if (v === undefined || v === "")
      throw ossError("MalformedAuthorization", { message: `The presigned URL has no ${name}.` });
    return v;
  };
  const credential = required("x-oss-credential");
  const isoDate = required("x-oss-date");
  const expiresText = required("x-oss-expires");
  const signature = required("x-oss-signature");
  const parts = credential.split("/");
  const [accessKeyId = "", scopeDate = "", region = "", product = "", terminator = ""] = parts;
  if (!accessKeyChars.test(accessKeyId)) {
    throw ossError("InvalidQueryCredentialAccessKey", {
      message: "The AccessKeyId in x-oss-credential has invalid characters.",
    });
  }
  if (parts.length !== 5 || !/^\d{8}$/.test(scopeDate) || terminator !== "aliyun_v4_request") {
    throw ossError("InvalidQueryCredential", {
      message: `x-oss-credential "${credential}" is not <AccessKeyId>/<YYYYMMDD>/<region>/oss/aliyun_v4_request.`,
    });
  }
  if (hyphenated.test(isoDate))
    throw ossError("HyphenatedQueryDate", {
      message: `x-oss-date "${isoDate}" must be YYYYMMDDTHHMMSSZ, without hyphens.`,
    });
  const requestTime = parseIsoBasic(isoDate);
  if (!requestTime)
    throw ossError("InvalidDateFormat", {
      message: `x-oss-date "${isoDate}" is not in ISO 8601 basic form (YYYYMMDDTHHMMSSZ).`,
    });
  const expires = /^\d{1,7}$/.test(expiresText) ? Number(expiresText) : Number.NaN;
  if (!(expires >= 1 && expires <= 604_800)) {
    throw ossError("InvalidExpires", {
      message: `x-oss-expires must be a number of seconds from 1 to 604800, got "${expiresText}".`,
    });
  }
  const additional = queryValue(query, "x-oss-additional-headers");
  if (additional === "")
    throw ossError("EmptyAdditionalHeaders", { message: "x-oss-additional-headers must not be empty." });
  return {
    mode: "query",
    accessKeyId,
    scopeDate,
    region,
    product,
    isoDate,
    requestTime,
    expires,
    additionalHeaders: additional === undefined ? [] : additional.split(";"),
    signature,
    securityToken: queryValue(query, "x-oss-security-token"),
  };
}
