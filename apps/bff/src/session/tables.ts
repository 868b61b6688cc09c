import type { ColumnType } from "kysely";
import type { ActorVia } from "../audit/tables.ts";

/**
 * `sessions`: one row per cookie session, shared by every replica. Only the SHA-256 of the session id is
 * stored (`id_hash`), so a copy of the database cannot be used to sign in. The principal is denormalised
 * into the row (id, display name, role, how they signed in) so checking a session is one indexed read;
 * the people feature adds its own columns (e.g. a user id with a foreign key) in its own migration.
 */
export interface SessionTable {
  /** Hex SHA-256 of the cookie's session id. */
  id_hash: string;
  principal_id: string;
  principal_name: string;
  /** The role the principal had at sign-in. */
  role: string;
  /** How the session was made: `session` (password or admin token) or `oidc`. */
  via: ActorVia;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  /** The client's address at sign-in (added by the people migration, for the sessions list). */
  address: ColumnType<string | null, string | null | undefined, string | null>;
  /** The browser's User-Agent at sign-in, cut to 300 characters (people migration). */
  user_agent: ColumnType<string | null, string | null | undefined, string | null>;
}

/** `sign_in_failures`: failed sign-ins per client address in a fixed window, shared by every replica. */
export interface SignInFailureTable {
  key: string;
  failures: number;
  reset_at: ColumnType<Date, Date | string, Date | string>;
}

/** The session feature's tables, composed into `Database` by `db/schema.ts`. */
export interface SessionTables {
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
}
