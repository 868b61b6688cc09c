import { createHash } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Principal } from "./principal.ts";
import type { SessionTable } from "./tables.ts";
import { randomToken } from "./token.ts";

export interface Session {
  principal: Principal;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** What the database keeps instead of a session id: its SHA-256, hex. */
export const sessionIdHash = (id: string): string => createHash("sha256").update(id).digest("hex");

/**
 * Cookie sessions in the shared database (`sessions`): a restart signs nobody out, a session made on
 * one replica works on every other, and deleting the row signs out everywhere. The cookie carries a
 * random 256-bit id; the table only its hash. Sessions end `ttlMs` after sign-in; expired rows are
 * refused when seen and deleted on each sign-in.
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts a session for `principal`; returns the cookie's id (shown once, never stored) and the row.
   * @example
   * const { id, session } = await store.create(adminPrincipal(tokenId, "session"));
   */
  async create(
    principal: Principal,
    client: { address: string | null; userAgent: string | null } = { address: null, userAgent: null },
  ): Promise<{ id: string; session: Session }> {
    const now = this.now();
    await this.db.deleteFrom("sessions").where("expires_at", "<=", new Date(now)).execute();
    const id = randomToken();
    const expiresAt = now + this.ttlMs;
    await this.db
      .insertInto("sessions")
      .values({
        id_hash: sessionIdHash(id),
        principal_id: principal.id,
        principal_name: principal.displayName,
        role: principal.role,
        via: principal.via,
        created_at: new Date(now),
        expires_at: new Date(expiresAt),
        address: client.address,
        user_agent: client.userAgent,
      })
      .execute();
    return { id, session: { principal, expiresAt } };
  }

  /** The live session with this id, or undefined (unknown, signed out or expired). */
  async get(id: string): Promise<Session | undefined> {
    const row = await this.db
      .selectFrom("sessions")
      .select(["principal_id", "principal_name", "role", "via", "expires_at"])
      .where("id_hash", "=", sessionIdHash(id))
      .where("expires_at", ">", new Date(this.now()))
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      principal: { id: row.principal_id, displayName: row.principal_name, role: row.role, via: row.via },
      expiresAt: row.expires_at.getTime(),
    };
  }

  /** Ends one session, on every replica. */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", sessionIdHash(id)).execute();
  }

  /**
   * Ends every session of a principal (a user disabled, a password changed), but `exceptHash` (the
   * session that changed the password); returns how many.
   */
  async deleteForPrincipal(principalId: string, exceptHash?: string): Promise<number> {
    let query = this.db.deleteFrom("sessions").where("principal_id", "=", principalId);
    if (exceptHash !== undefined) query = query.where("id_hash", "!=", exceptHash);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Live sessions of one principal, or of everyone (`principalId` undefined), newest first. A session's
   * `id` here is the hash of its cookie's id: it names the session without being able to sign in.
   */
  async list(principalId?: string): Promise<SessionListItem[]> {
    let query = this.db
      .selectFrom("sessions")
      .selectAll()
      .where("expires_at", ">", new Date(this.now()))
      .orderBy("created_at", "desc")
      .limit(500);
    if (principalId !== undefined) query = query.where("principal_id", "=", principalId);
    return (await query.execute()).map(toListItem);
  }

  /** One live session by its hash (the `id` of {@link list}). */
  async byId(idHash: string): Promise<SessionListItem | undefined> {
    const row = await this.db
      .selectFrom("sessions")
      .selectAll()
      .where("id_hash", "=", idHash)
      .where("expires_at", ">", new Date(this.now()))
      .executeTakeFirst();
    return row && toListItem(row);
  }

  /** Ends one session by its hash. */
  async deleteById(idHash: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
  }
}

/** A session as its owner (or an admin) sees it in a list. */
export interface SessionListItem {
  id: string;
  userId: string;
  userName: string;
  via: string;
  createdAt: string;
  expiresAt: string;
  address: string | null;
  userAgent: string | null;
}

function toListItem(row: Selectable<SessionTable>): SessionListItem {
  return {
    id: row.id_hash,
    userId: row.principal_id,
    userName: row.principal_name,
    via: row.via,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    address: row.address,
    userAgent: row.user_agent,
  };
}
