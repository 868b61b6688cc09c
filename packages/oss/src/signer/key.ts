import { createHash, createHmac } from "node:crypto";
import { parseRegion } from "@style-console/contract/names";
import { ALGORITHM, SCOPE_TERMINATOR } from "./types.ts";

/** The four parts of a V4 credential scope. */
export interface ScopeParts {
  /** `YYYYMMDD`, the first 8 characters of `x-oss-date`. */
  readonly date: string;
  /** Region id without `oss-` (or a cloud-box id). */
  readonly region: string;
  /** `oss` or `oss-cloudbox`. */
  readonly product: string;
}

/**
 * Strips the `oss-` prefix people copy from endpoint names; the scope wants the bare region id
 * (EC 0002-00000226).
 *
 * @example
 * standardRegion("oss-cn-hangzhou"); // "cn-hangzhou"
 */
export function standardRegion(region: string): string {
  // The contract's one region rule; anything it does not read as a region (a cloud-box id) stays as given.
  return parseRegion(region) ?? region;
}

/**
 * `YYYYMMDD/<region>/<product>/aliyun_v4_request`, verbatim (no region normalisation, so a verifier
 * can rebuild exactly what it expects).
 *
 * @example
 * credentialScope({ date: "20231216", region: "cn-hangzhou", product: "oss" });
 * // "20231216/cn-hangzhou/oss/aliyun_v4_request"
 */
export function credentialScope(scope: ScopeParts): string {
  return `${scope.date}/${scope.region}/${scope.product}/${SCOPE_TERMINATOR}`;
}

/**
 * The four-line string to sign; no trailing newline.
 *
 * @example
 * stringToSign("20231216T162057Z", "20231216/cn-hangzhou/oss/aliyun_v4_request", "GET\n/b/\n…");
 * // "OSS4-HMAC-SHA256\n20231216T162057Z\n20231216/cn-hangzhou/oss/aliyun_v4_request\n<sha256 hex>"
 */
export function stringToSign(isoDate: string, scope: string, canonicalRequestText: string): string {
  const hash = createHash("sha256").update(canonicalRequestText, "utf8").digest("hex");
  return `${ALGORITHM}\n${isoDate}\n${scope}\n${hash}`;
}

/**
 * The signing-key chain: HMAC("aliyun_v4"+secret, date) → region → product → "aliyun_v4_request".
 * Raw bytes pass between the steps.
 *
 * @example
 * const key = signingKey("sk", { date: "20231216", region: "cn-hangzhou", product: "oss" });
 * key.length; // 32
 */
export function signingKey(accessKeySecret: string, scope: ScopeParts): Buffer {
  const k1 = createHmac("sha256", `aliyun_v4${accessKeySecret}`).update(scope.date).digest();
  const k2 = createHmac("sha256", k1).update(scope.region).digest();
  const k3 = createHmac("sha256", k2).update(scope.product).digest();
  return createHmac("sha256", k3).update(SCOPE_TERMINATOR).digest();
}

let last: { secret: string; date: string; region: string; product: string; key: Buffer } | undefined;

/**
 * {@link signingKey} with a one-entry memo: the key changes once a day per secret/region, and four of
 * the five HMACs of a signature are spent deriving it. Same result as `signingKey`.
 *
 * @example
 * cachedSigningKey("sk", scope).equals(signingKey("sk", scope)); // true
 */
export function cachedSigningKey(accessKeySecret: string, scope: ScopeParts): Buffer {
  const m = last;
  if (
    m &&
    m.secret === accessKeySecret &&
    m.date === scope.date &&
    m.region === scope.region &&
    m.product === scope.product
  ) {
    return m.key;
  }
  const key = signingKey(accessKeySecret, scope);
  last = { secret: accessKeySecret, date: scope.date, region: scope.region, product: scope.product, key };
  return key;
}

/**
 * Lower-case hex HMAC-SHA256 of the string to sign under the signing key.
 *
 * @example
 * signatureHex(signingKey("sk", scope), stringToSign(iso, credentialScope(scope), creq)); // 64 hex chars
 */
export function signatureHex(key: Uint8Array, stringToSignText: string): string {
  return createHmac("sha256", key).update(stringToSignText, "utf8").digest("hex");
}
