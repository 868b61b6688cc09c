import { createHash, timingSafeEqual } from "node:crypto";
import { ossError } from "../http/errors.ts";

/**
 * The key pairs the emulator accepts. A pair with a `securityToken` stands for STS credentials: its
 * requests must carry exactly that token (`x-oss-security-token`), and a long-term pair must carry none,
 * as OSS treats any request with a token as an STS request (EC 0002-00000002).
 */
export interface EmulatorCredential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

/**
 * Compares two secrets in time independent of where they differ (hashing first evens out lengths).
 *
 * @example
 * sameSecret("a", "a"); // true
 */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/**
 * Finds the credential for `accessKeyId` and checks the security token the request carries.
 *
 * @example
 * const cred = resolveCredential(creds, "ak", undefined);
 */
export function resolveCredential(
  credentials: readonly EmulatorCredential[],
  accessKeyId: string,
  securityToken: string | undefined,
): EmulatorCredential {
  const credential = credentials.find((c) => c.accessKeyId === accessKeyId);
  const fields = { OSSAccessKeyId: accessKeyId };
  if (!credential) throw ossError("InvalidAccessKeyId", { fields });
  const expected = credential.securityToken ?? "";
  const given = securityToken ?? "";
  if (!sameSecret(expected, given)) {
    throw ossError("InvalidSecurityToken", {
      message: expected
        ? "The security token you provided is invalid or missing for these temporary credentials."
        : "The request carries a security token, but its AccessKeyId is not a temporary (STS) one.",
      fields,
    });
  }
  return credential;
}
