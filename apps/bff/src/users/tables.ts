import type { ColumnType, Generated } from "kysely";
import type { Role } from "./roles.ts";

type Time = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/**
 * `users`: the people who use the console. `username` is stored lower-case (unique); a person signs in
 * with a password (`password_hash`, argon2id PHC string), through single sign-on (`oidc_subject`,
 * `<issuer>|<sub>`), or both. The built-in `admin` account (`builtin`) is the one the bootstrap token
 * (`CONSOLE_ADMIN_TOKEN`) acts as; it has no password and cannot be disabled or demoted.
 */
export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  /** JSON array of bucket names the role is limited to; null for every bucket. */
  buckets: ColumnType<string[] | null, string | null, string | null>;
  password_hash: string | null;
  oidc_subject: string | null;
  builtin: Generated<boolean>;
  disabled_at: MaybeTime;
  created_at: Time;
  updated_at: Time;
}

/**
 * `api_tokens`: personal API tokens. Only the SHA-256 of the token is kept (`token_hash`; the token is
 * 256 random bits, so a fast hash is enough: there is nothing to guess), with its last four characters
 * (`hint`) so a person can tell their tokens apart. A revoked token's row is deleted.
 */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  role: Role;
  token_hash: string;
  hint: string;
  created_at: Time;
  expires_at: MaybeTime;
  last_used_at: MaybeTime;
}

/**
 * `account_links`: single-use links that set a password: an `invite` for a new account, a `reset` for
 * an existing one. Only the SHA-256 of the link's secret is kept; `used_at` marks it spent.
 */
export interface AccountLinkTable {
  id: string;
  user_id: string;
  kind: "invite" | "reset";
  token_hash: string;
  created_by: string;
  created_at: Time;
  expires_at: Time;
  used_at: MaybeTime;
}

/**
 * `account_events`: the audit of people themselves (accounts created, changed, disabled; tokens made
 * and revoked; links used; sessions ended), with the actor as `audit_events` names it.
 */
export interface AccountEventTable {
  id: Generated<number>;
  time: ColumnType<Date, Date | string | undefined, never>;
  actor_id: string | null;
  actor_name: string | null;
  actor_via: string | null;
  action: string;
  target_id: string;
  target_name: string;
  /** JSON of what changed (never a secret). */
  detail: ColumnType<Record<string, unknown> | null, string | null, never>;
}

/** The people feature's tables, composed into `Database` by `db/schema.ts`. */
export interface UsersTables {
  users: UserTable;
  api_tokens: ApiTokenTable;
  account_links: AccountLinkTable;
  account_events: AccountEventTable;
}
