import type { Role, SessionDto, UserDto } from "@style-console/contract/people";
import type { Principal } from "./principal.ts";
import type { UserRow } from "./user-store.ts";

export type { SessionDto, UserDto };

export const toUserDto = (row: UserRow): UserDto => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  buckets: row.buckets,
  password: row.password_hash !== null,
  sso: row.oidc_subject !== null,
  builtin: row.builtin,
  disabled: row.disabled_at !== null,
  invited: row.password_hash === null && row.oidc_subject === null && !row.builtin,
  createdAt: row.created_at.toISOString(),
});

export const toSessionDto = (p: Principal): SessionDto => ({
  signedIn: true,
  user: { id: p.id, username: p.username, displayName: p.displayName, role: p.role, buckets: p.buckets },
  via: p.via,
  expiresAt: p.expiresAt,
});

/** The principal an account acts as, with how it proved it. */
export function principalOf(
  row: UserRow,
  via: Principal["via"],
  extra: { role?: Role; sessionId?: string; tokenId?: string; expiresAt?: Date | null } = {},
): Principal {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: extra.role ?? row.role,
    buckets: row.buckets,
    via,
    sessionId: extra.sessionId ?? null,
    tokenId: extra.tokenId ?? null,
    expiresAt: extra.expiresAt ? extra.expiresAt.toISOString() : null,
  };
}
