import type { ActorVia } from "../audit/tables.ts";

/**
 * Who is acting: what every protected request knows about its caller, what a session row stores, and
 * what an audit event records as the actor. Today the only principal is the admin token (id = its
 * `tokenId`, role `admin`); the people feature adds users (id = user id) and roles.
 */
export interface Principal {
  /** Stable id: a user id, or the 12-hex `tokenId` of a token. */
  id: string;
  /** What screens and the audit log show. */
  displayName: string;
  /** `admin` today; people adds the others. */
  role: string;
  /** How this request proved who it is. */
  via: ActorVia;
}

/**
 * The principal of the admin token (`CONSOLE_ADMIN_TOKEN` or the generated one).
 * @example
 * adminPrincipal("b2a3c4d5e6f7", "session"); // { id: "b2a3c4d5e6f7", displayName: "Admin token b2a3c4d5e6f7", role: "admin", via: "session" }
 */
export function adminPrincipal(tokenId: string, via: ActorVia): Principal {
  return { id: tokenId, displayName: `Admin token ${tokenId}`, role: "admin", via };
}
