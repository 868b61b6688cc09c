import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Principal } from "./principal.ts";

/** What happened to an account. */
export type AccountAction =
  | "user.create"
  | "user.update"
  | "user.disable"
  | "user.enable"
  | "user.reset-link"
  | "user.password"
  | "user.oidc-create"
  | "token.create"
  | "token.revoke"
  | "session.end";

export interface AccountEventDto {
  id: number;
  time: string;
  actor: { id: string | null; name: string | null; via: string | null };
  action: string;
  target: { id: string; name: string };
  detail: Record<string, unknown> | null;
}

/**
 * The audit of people (`account_events`): who (id, display name, how they acted) did what to which
 * account. `detail` names what changed and never holds a secret.
 */
export class AccountEvents {
  constructor(private readonly db: Kysely<Database>) {}

  async record(
    actor: Pick<Principal, "id" | "displayName" | "via"> | null,
    action: AccountAction,
    target: { id: string; name: string },
    detail: Record<string, unknown> | null = null,
  ): Promise<void> {
    await this.db
      .insertInto("account_events")
      .values({
        actor_id: actor?.id ?? null,
        actor_name: actor?.displayName ?? null,
        actor_via: actor?.via ?? null,
        action,
        target_id: target.id,
        target_name: target.name,
        detail: detail === null ? null : JSON.stringify(detail),
      })
      .execute();
  }

  /** The newest events, optionally of one account. */
  async list(limit: number, targetId?: string): Promise<AccountEventDto[]> {
    let query = this.db.selectFrom("account_events").selectAll().orderBy("id", "desc").limit(limit);
    if (targetId !== undefined) query = query.where("target_id", "=", targetId);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      time: r.time.toISOString(),
      actor: { id: r.actor_id, name: r.actor_name, via: r.actor_via },
      action: r.action,
      target: { id: r.target_id, name: r.target_name },
      detail: r.detail,
    }));
  }
}
