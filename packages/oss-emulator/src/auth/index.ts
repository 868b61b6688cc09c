import { queryValue } from "../http/address.ts";
import { ossError } from "../http/errors.ts";
import { headerClaim, queryClaim } from "./claim.ts";
import type { EmulatorCredential } from "./credentials.ts";
import { type AuthConfig, type RegionRule, type SignedTarget, signedHeaders, verifyClaim } from "./verify.ts";

export type { EmulatorCredential } from "./credentials.ts";
export type { AuthConfig, RegionRule, SignedTarget } from "./verify.ts";

/**
 * Authenticates a request as OSS does for a private bucket: Signature V4 in the Authorization header or
 * in a presigned query; V1 (`OSS ak:sig`, `OSSAccessKeyId=…&Signature=…`) is refused with a message that
 * says so; an unsigned request is AccessDenied.
 *
 * @example
 * const credential = authenticate(ctx, { credentials, maxSkewMs: 900_000 }, { accept: ["cn-hangzhou"], source: "bucket" });
 */
export function authenticate(
  target: SignedTarget,
  config: AuthConfig,
  regions: RegionRule,
): EmulatorCredential {
  const headers = signedHeaders(target.req);
  if (headers.authorization !== undefined) return verifyClaim(target, headerClaim(headers), config, regions);
  const q = target.query;
  if (
    ["x-oss-signature-version", "x-oss-signature", "x-oss-credential"].some(
      (n) => queryValue(q, n) !== undefined,
    )
  ) {
    return verifyClaim(target, queryClaim(q), config, regions);
  }
  if (queryValue(q, "OSSAccessKeyId") !== undefined && queryValue(q, "Signature") !== undefined) {
    throw ossError("SignatureV1Refused");
  }
  throw ossError("AccessDenied", {
    message:
      "You have no right to access this resource: the bucket is private and the request is not signed.",
  });
}
