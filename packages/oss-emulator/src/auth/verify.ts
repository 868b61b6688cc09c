import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { parseRegion } from "@style-console/contract/names";
import {
  canonicalRequest,
  credentialScope,
  signatureHex,
  signingKey,
  stringToSign,
} from "@style-console/oss/signer";
import { ossError } from "../http/errors.ts";
import { isoBasic } from "../http/time.ts";
import type { Claim } from "./claim.ts";
import { type EmulatorCredential, resolveCredential } from "./credentials.ts";

/** Checks a claim the way OSS does: time window, scope, key pair and token, then the signature itself. */

export interface AuthConfig {
  readonly credentials: readonly EmulatorCredential[];
  /** Allowed clock skew, 15 minutes on OSS. */
  readonly maxSkewMs: number;
}

/**
 * Which regions the credential scope may name for one request, and why: the region of the endpoint the
 * Host names (a mismatch is EC 0002-00000226), the bucket's own region (EC 0002-00000228), or, for a
 * service-level request on a bare address, any region the server serves.
 */
export interface RegionRule {
  readonly accept: readonly string[];
  readonly source: "endpoint" | "bucket" | "service";
}

export interface SignedTarget {
  readonly method: string;
  readonly bucket: string | undefined;
  readonly key: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly req: IncomingMessage;
  readonly now: Date;
}

/**
 * Request headers as one value per lower-case name; repeats joined with `,` as Go's signer does (Node's
 * own join uses `, `, which would not match).
 *
 * @example
 * signedHeaders(req)["x-oss-date"];
 */
export function signedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values) out[name] = values.join(",");
  }
  return out;
}

function checkTime(claim: Claim, now: Date, maxSkewMs: number): void {
  const at = claim.requestTime.getTime();
  if (claim.mode === "header") {
    if (Math.abs(now.getTime() - at) > maxSkewMs) {
      throw ossError("RequestTimeTooSkewed", {
        fields: {
          RequestTime: claim.isoDate,
          ServerTime: isoBasic(now),
          MaxAllowedSkewMilliseconds: String(maxSkewMs),
        },
      });
    }
    return;
  }
  if (now.getTime() < at - maxSkewMs) {
    throw ossError("RequestNotYetValid", {
      message: `The presigned URL is not valid before ${claim.isoDate} (minus the allowed skew).`,
      fields: { RequestTime: claim.isoDate, ServerTime: isoBasic(now) },
    });
  }
  const expiresAt = new Date(at + (claim.expires ?? 0) * 1000);
  if (now.getTime() > expiresAt.getTime()) {
    throw ossError("RequestExpired", { fields: { Expires: isoBasic(expiresAt), ServerTime: isoBasic(now) } });
  }
}

function checkScope(claim: Claim, rule: RegionRule): void {
  const region = rule.accept[0] ?? "cn-hangzhou";
  if (claim.scopeDate !== claim.isoDate.slice(0, 8)) {
    throw ossError("MalformedAuthorization", {
      message: `The credential date ${claim.scopeDate} is not the date of x-oss-date ${claim.isoDate}.`,
    });
  }
  if (claim.product !== "oss") {
    throw ossError("MalformedAuthorization", {
      message: `The credential product must be "oss", got "${claim.product}".`,
    });
  }
  // The scope holds the region ID itself; its "oss-" form is what OSS refuses here (EC 0002-00000226).
  const regionId = parseRegion(claim.region);
  if (regionId !== undefined && regionId !== claim.region) {
    throw ossError("InvalidRegion", {
      message: `The credential region "${claim.region}" must be a region id without the "oss-" prefix, such as ${region}.`,
    });
  }
  if (rule.accept.includes(claim.region)) return;
  if (rule.source === "bucket") {
    throw ossError("WrongRegion", {
      message: `The credential region "${claim.region}" is not the bucket's region; expected "${region}".`,
      fields: { Region: region },
    });
  }
  throw ossError("InvalidRegion", {
    message:
      rule.source === "endpoint"
        ? `Invalid signing region in Authorization header: "${claim.region}" is not the region of the endpoint in Host ("${region}").`
        : `Invalid signing region in Authorization header: "${claim.region}" is not a region this server serves (${rule.accept.join(", ")}).`,
  });
}

function bytesOf(text: string): string {
  return [...Buffer.from(text, "utf8")].map((b) => b.toString(16).padStart(2, "0")).join(" ");
}

/**
 * Verifies a signed request: accepted only if a correct signer, holding the secret, would have produced
 * exactly its signature (constant-time comparison). Returns the credential that signed it.
 *
 * @example
 * const who = verifyClaim(target, headerClaim(signedHeaders(req)), config, { accept: ["cn-hangzhou"], source: "bucket" });
 */
export function verifyClaim(
  target: SignedTarget,
  claim: Claim,
  config: AuthConfig,
  regions: RegionRule,
): EmulatorCredential {
  checkTime(claim, target.now, config.maxSkewMs);
  checkScope(claim, regions);
  const credential = resolveCredential(config.credentials, claim.accessKeyId, claim.securityToken);
  const headers = signedHeaders(target.req);
  const sha = headers["x-oss-content-sha256"];
  if (sha !== undefined && sha !== "UNSIGNED-PAYLOAD") {
    throw ossError("InvalidContentSha256", {
      message: `x-oss-content-sha256 must be UNSIGNED-PAYLOAD, got "${sha}".`,
    });
  }
  const query =
    claim.mode === "query" ? target.query.filter(([name]) => name !== "x-oss-signature") : target.query;
  const creq = canonicalRequest({
    method: target.method,
    bucket: target.bucket ?? null,
    key: target.key || null,
    query,
    headers,
    additionalHeaders: claim.additionalHeaders,
  });
  const scope = { date: claim.scopeDate, region: claim.region, product: claim.product };
  const sts = stringToSign(claim.isoDate, credentialScope(scope), creq);
  const expected = Buffer.from(signatureHex(signingKey(credential.accessKeySecret, scope), sts), "utf8");
  const provided = Buffer.from(claim.signature, "utf8");
  if (expected.length !== provided.length || !timingSafeEqual(expected, provided)) {
    throw ossError("SignatureDoesNotMatch", {
      fields: {
        OSSAccessKeyId: claim.accessKeyId,
        SignatureProvided: claim.signature,
        StringToSign: sts,
        StringToSignBytes: bytesOf(sts),
        CanonicalRequest: creq,
        CanonicalRequestBytes: bytesOf(creq),
      },
    });
  }
  return credential;
}
