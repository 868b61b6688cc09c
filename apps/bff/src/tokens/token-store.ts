import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { randomToken } from "../session/token.ts";
import type { Role } from "../users/roles.ts";

/** Personal API tokens start with this, so secret scanners and people can recognise one. */
export const TOKEN_PREFIX = "sc_pat_";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A token as its owner (or an admin) sees it: never the token itself. */
export interface ApiTokenDto {
  id: string;
  name: string;
  role: Role;
  /** The token's last four characters, to tell tokens apart. */
  hint: string;
  owner: { id: string; username: string };
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** What a bearer token resolves to. */
export interface TokenOwner {
  tokenId: string;
  role: Role;
  expiresAt: Date | null;
  userId: string;
}

/**
 * `api_tokens`: create (the token is returned once), list, resolve a bearer, revoke (delete).
 * Lookup is by the SHA-256 of the presented token, an indexed equality on a hash, so no timing
 * comparison of secrets happens in JavaScript.
 */
export class TokenStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async create(userId: string, name: string, role: Role, expiresAt: Date | null) {
    const token = `${TOKEN_PREFIX}${randomToken()}`;
    const id = randomUUID();
    await this.db
      .insertInto("api_tokens")
      .values({
        id,
        user_id: userId,
        name,
        role,
        token_hash: sha256(token),
        hint: token.slice(-4),
        created_at: new Date(this.now()),
        expires_at: expiresAt,
      })
      .execute();
    return { id, token };
  }

  /** Tokens of one user, or of everyone (`userId` undefined), newest first. */
  async list(userId?: string): Promise<ApiTokenDto[]> {
    let query = this.db
      .selectFrom("api_tokens")
      .innerJoin("users", "users.id", "api_tokens.user_id")
      .select([
        "api_tokens.id",
        "api_tokens.name",
        "api_tokens.role",
        "api_tokens.hint",
        "api_tokens.created_at",
        "api_tokens.expires_at",
        "api_tokens.last_used_at",
        "users.id as owner_id",
        "users.username as owner_username",
      ])
      .orderBy("api_tokens.created_at", "desc");
    if (userId !== undefined) query = query.where("api_tokens.user_id", "=", userId);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      hint: r.hint,
      owner: { id: r.owner_id, username: r.owner_username },
      createdAt: r.created_at.toISOString(),
      expiresAt: r.expires_at?.toISOString() ?? null,
      lastUsedAt: r.last_used_at?.toISOString() ?? null,
    }));
  }

  /** The live token `presented` is, or undefined (unknown, revoked or expired). Notes its use. */
  async resolve(presented: string): Promise<TokenOwner | undefined> {
    if (!presented.startsWith(TOKEN_PREFIX)) return undefined;
    const now = new Date(this.now());
    const row = await this.db
      .selectFrom("api_tokens")
      .select(["id", "role", "expires_at", "user_id", "last_used_at"])
      .where("token_hash", "=", sha256(presented))
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now)]))
      .executeTakeFirst();
    if (!row) return undefined;
    // At most one write a minute per token: "last used" is for people, not an access log.
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
      await this.db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", row.id).execute();
    }
    return { tokenId: row.id, role: row.role, expiresAt: row.expires_at, userId: row.user_id };
  }

  /** The token's owner, for the rule "yours or, as an admin, anyone's". */
  async ownerOf(id: string): Promise<{ userId: string; username: string; name: string } | undefined> {
    const row = await this.db
      .selectFrom("api_tokens")
      .innerJoin("users", "users.id", "api_tokens.user_id")
      .select(["api_tokens.user_id", "api_tokens.name", "users.username"])
      .where("api_tokens.id", "=", id)
      .executeTakeFirst();
    return row && { userId: row.user_id, username: row.username, name: row.name };
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("api_tokens").where("id", "=", id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
