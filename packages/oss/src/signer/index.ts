/**
 * Signature V4 (`OSS4-HMAC-SHA256`) for Alibaba Cloud OSS, as pure functions. The building blocks are
 * exported one by one so that a server can verify a request by recomputing what a correct signer
 * produces. Node-only (node:crypto).
 */
export {
  type AuthorizationFailure,
  authorizationHeader,
  type ParseAuthorizationResult,
  type ParsedAuthorization,
  parseAuthorizationHeader,
} from "./authorization.ts";
export {
  type CanonicalRequestInput,
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  hashedPayload,
  isDefaultSignedHeader,
  normalizeAdditionalHeaders,
} from "./canonical.ts";
export { compareCodeUnits, percentEncode } from "./encode.ts";
export { SignerInputError } from "./errors.ts";
export {
  cachedSigningKey,
  credentialScope,
  type ScopeParts,
  signatureHex,
  signingKey,
  standardRegion,
  stringToSign,
} from "./key.ts";
export {
  type PresignContext,
  type PresignOptions,
  type PresignResult,
  presign,
  presignUrl,
  wireQuery,
} from "./presign.ts";
export { parseQueryString } from "./query.ts";
export {
  overlayHeaders,
  type SignedRequest,
  type SignRequestOptions,
  scopeOf,
  signRequest,
} from "./sign-request.ts";
export { isoBasic, parseIsoBasic, rfc1123 } from "./time.ts";
export * from "./types.ts";
