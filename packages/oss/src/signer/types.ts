/**
 * Input shapes shared by every signer function. Everything here is raw (not percent-encoded):
 * the signer does all encoding, so callers never have to guess which form is expected.
 */

/** Query parameters as ordered `[name, value]` pairs, raw. An empty value means a bare name (`style`). */
export type QueryParams = ReadonlyArray<readonly [name: string, value: string]>;

/** Request headers by name (any case). Values are raw; they are trimmed when signed. */
export type HeaderMap = Readonly<Record<string, string>>;

/** Long-term or STS credentials. An empty `securityToken` means none. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

/**
 * The parts of an HTTP request that the signature covers.
 * `bucket` null/undefined = service level; `key` null/undefined = bucket level (canonical URI `/bucket/`).
 */
export interface SignableRequest {
  readonly method: string;
  readonly bucket?: string | null | undefined;
  readonly key?: string | null | undefined;
  readonly query?: QueryParams | undefined;
  readonly headers?: HeaderMap | undefined;
  /** Extra header names to sign (`host`, `range`, …); normalised as the official SDKs do. */
  readonly additionalHeaders?: readonly string[] | undefined;
}

/** Who signs, for where, and when. */
export interface SigningContext {
  readonly credentials: Credentials;
  /** Region id, e.g. `cn-hangzhou`; a leading `oss-` is removed. For `oss-cloudbox`, the cloud-box id. */
  readonly region: string;
  /** `oss` (default) or `oss-cloudbox`. */
  readonly product?: string | undefined;
  /** Signing instant; sub-second precision is dropped. */
  readonly date: Date;
}

export const ALGORITHM = "OSS4-HMAC-SHA256";
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
export const SCOPE_TERMINATOR = "aliyun_v4_request";
/** x-oss-expires range accepted by OSS (EC 0002-00000232). */
export const MAX_PRESIGN_EXPIRES_SECONDS = 604_800;
