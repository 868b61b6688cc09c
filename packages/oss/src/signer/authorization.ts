import { ALGORITHM, SCOPE_TERMINATOR } from "./types.ts";

/** What an `Authorization: OSS4-HMAC-SHA256 …` header carries. */
export interface ParsedAuthorization {
  readonly accessKeyId: string;
  /** The full scope string, e.g. `20231216/cn-hangzhou/oss/aliyun_v4_request`. */
  readonly scope: string;
  readonly date: string;
  readonly region: string;
  readonly product: string;
  /** As written in the header (a verifier must use it verbatim; it is part of the signature). */
  readonly additionalHeaders: string[];
  readonly signature: string;
}

/**
 * Why a header was refused, for a server to pick its error by (the `reason` text is for people and may
 * name several items, e.g. "duplicate AdditionalHeaders").
 */
export type AuthorizationFailure = "v1" | "empty-additional-headers" | "duplicate-item" | "malformed";

/** Parse outcome: a value, or a failure code and a reason that a server can put into its error message. */
export type ParseAuthorizationResult =
  | { readonly ok: true; readonly value: ParsedAuthorization }
  | { readonly ok: false; readonly code: AuthorizationFailure; readonly reason: string };

/**
 * Formats the header value exactly as the SDKs do: one space after the algorithm, no spaces after
 * commas, and no `AdditionalHeaders=` item when the list is empty (OSS rejects an empty one).
 *
 * @example
 * authorizationHeader("ak", "20231216/cn-hangzhou/oss/aliyun_v4_request", [], "e21d…");
 * // "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=e21d…"
 */
export function authorizationHeader(
  accessKeyId: string,
  scope: string,
  additionalHeaders: readonly string[],
  signature: string,
): string {
  const additional = additionalHeaders.length > 0 ? `,AdditionalHeaders=${additionalHeaders.join(";")}` : "";
  return `${ALGORITHM} Credential=${accessKeyId}/${scope}${additional},Signature=${signature}`;
}

function fail(reason: string, code: AuthorizationFailure = "malformed"): ParseAuthorizationResult {
  return { ok: false, code, reason };
}

/**
 * Reads Credential, AdditionalHeaders and Signature from a V4 `Authorization` value. Accepts `, ` as
 * well as `,` between items (the help page template uses the former). V1 (`OSS ak:sig`) is refused.
 *
 * @example
 * const r = parseAuthorizationHeader("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=ab");
 * if (r.ok) r.value.region; // "cn-hangzhou"
 */
export function parseAuthorizationHeader(header: string): ParseAuthorizationResult {
  const value = header.trim();
  if (/^OSS [^\s]+:/.test(value))
    return fail("Signature Version 1 is not supported; sign with OSS4-HMAC-SHA256", "v1");
  if (!value.startsWith(`${ALGORITHM} `))
    return fail(`the Authorization header must start with "${ALGORITHM} "`);
  const items = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(",")) {
    const item = part.trim();
    const eq = item.indexOf("=");
    if (eq <= 0) return fail(`malformed item "${item}" in the Authorization header`);
    const name = item.slice(0, eq);
    if (items.has(name)) return fail(`duplicate ${name} in the Authorization header`, "duplicate-item");
    items.set(name, item.slice(eq + 1));
  }
  for (const name of items.keys()) {
    if (!["Credential", "AdditionalHeaders", "Signature"].includes(name)) return fail(`unknown item ${name}`);
  }
  const credential = items.get("Credential");
  const signature = items.get("Signature");
  if (!credential) return fail("the Authorization header has no Credential");
  if (!signature) return fail("the Authorization header has no Signature");
  const additional = items.get("AdditionalHeaders");
  if (additional === "") return fail("AdditionalHeaders is present but empty", "empty-additional-headers");
  const parts = credential.split("/");
  if (parts.length !== 5)
    return fail(
      `Credential "${credential}" is not <AccessKeyId>/<date>/<region>/<product>/${SCOPE_TERMINATOR}`,
    );
  const [accessKeyId = "", date = "", region = "", product = "", terminator = ""] = parts;
  if (!accessKeyId) return fail("Credential has an empty AccessKeyId");
  if (!/^\d{8}$/.test(date)) return fail(`Credential date "${date}" is not YYYYMMDD`);
  if (terminator !== SCOPE_TERMINATOR) return fail(`Credential must end with /${SCOPE_TERMINATOR}`);
  return {
    ok: true,
    value: {
      accessKeyId,
      scope: parts.slice(1).join("/"),
      date,
      region,
      product,
      additionalHeaders: additional === undefined ? [] : additional.split(";"),
      signature,
    },
  };
}
