import type { Role, Via } from "@style-console/contract/people";

export type { Via };

/** The account a request acts as, with the powers it acts with. */
export interface Principal {
  /** The account's id (users.id). */
  id: string;
  username: string;
  /** What screens and the audit log show. */
  displayName: string;
  /** The role this request acts with: an API token's role may be lower than its owner's. */
  role: Role;
  /** Buckets the role is limited to; null for every bucket. */
  buckets: readonly string[] | null;
  via: Via;
  /** The cookie session's id hash, when the request came with one. */
  sessionId: string | null;
  /** The personal API token's id, when the request came with one. */
  tokenId: string | null;
  /** When the session or token ends (ISO), null when it does not. */
  expiresAt: string | null;
}

/**
 * Whether the principal may act on `bucket`.
 * @example
 * mayUseBucket({ buckets: ["photos"] } as Principal, "avatars"); // false
 */
export function mayUseBucket(principal: Pick<Principal, "buckets">, bucket: string): boolean {
  return principal.buckets === null || principal.buckets.includes(bucket);
}
