import { createHash, randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../db/schema.ts";
import { randomToken } from "../session/token.ts";
import type { AccountLinkTable } from "./tables.ts";

export type LinkRow = Selectable<AccountLinkTable>;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Invite and password-reset links: a random 256-bit secret in the link (`/#invite=<secret>`: in the
 * fragment, so it never reaches a server log or a Referer), only its SHA-256 in `account_links`.
 * A link works once, until it expires; a new link for the same account voids the older ones.
 */
export class LinkStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Makes a link; returns its secret (shown once) and when it expires. */
  async create(userId: string, kind: "invite" | "reset", createdBy: string, ttlMs: number) {
    const secret = randomToken();
    const now = this.now();
    const expiresAt = new Date(now + ttlMs);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("account_links")
        .set({ used_at: new Date(now) })
        .where("user_id", "=", userId)
        .where("used_at", "is", null)
        .execute();
      await trx
        .insertInto("account_links")
        .values({
          id: randomUUID(),
          user_id: userId,
          kind,
          token_hash: sha256(secret),
          created_by: createdBy,
          created_at: new Date(now),
          expires_at: expiresAt,
        })
        .execute();
    });
    return { secret, expiresAt };
  }

  /** The live (unused, unexpired) link with this secret. */
  live(secret: string): Promise<LinkRow | undefined> {
    return this.db
      .selectFrom("account_links")
      .selectAll()
      .where("token_hash", "=", sha256(secret))
      .where("used_at", "is", null)
      .where("expires_at", ">", new Date(this.now()))
      .executeTakeFirst();
  }

  /** Spends a link; false when it was spent meanwhile (two tabs, one wins). */
  async spend(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable("account_links")
      .set({ used_at: new Date(this.now()) })
      .where("id", "=", id)
      .where("used_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
