import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Principal } from "./principal.ts";
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
  async create(principal: Principal): Promise<{ id: string; session: Session }> {
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

  /** Ends every session of a principal (a user disabled or their role changed); returns how many. */
  async deleteForPrincipal(principalId: string): Promise<number> {
    const result = await this.db
      .deleteFrom("sessions")
      .where("principal_id", "=", principalId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
