import { changePasswordBody } from "@style-console/contract/schemas";
import { Hono } from "hono";
import { me } from "../auth/me.ts";
import type { ApiEnv } from "../http/api-env.ts";
import { HttpError } from "../http/error.ts";
import { validate } from "../http/zod-validator.ts";
import type { SessionStore } from "../session/session-store.ts";
import type { AccountEvents } from "./account-events.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { assertPasswordOk } from "./user-service.ts";
import type { UserStore } from "./user-store.ts";

/**
 * `PUT /api/profile/password {currentPassword?, newPassword}`: a person changes their own password
 * (the current one is required when there is one: a session left open must not be enough), which ends
 * their other sessions. Not for the built-in admin nor an API token.
 */
export function profileRoutes(users: UserStore, sessions: SessionStore, events: AccountEvents) {
  return new Hono<ApiEnv>().put("/password", validate("json", changePasswordBody), async (c) => {
    const caller = me(c);
    if (caller.via === "api-token" || caller.via === "bootstrap-token")
      throw new HttpError(
        "NotWithThisSignIn",
        "Change a password from a signed-in browser session of that account.",
      );
    const row = await users.byId(caller.id);
    if (!row || row.builtin) throw new HttpError("BuiltinAccount", "The built-in admin has no password.");
    const { currentPassword, newPassword } = c.req.valid("json");
    if (row.password_hash !== null) {
      const ok = currentPassword !== undefined && (await verifyPassword(row.password_hash, currentPassword));
      if (!ok) throw new HttpError("WrongPassword", "The current password is not right.");
    }
    assertPasswordOk(newPassword, row.username);
    await users.update(row.id, { passwordHash: await hashPassword(newPassword) });
    await sessions.deleteForPrincipal(row.id, caller.sessionId ?? undefined);
    await events.record(caller, "user.password", { id: row.id, name: row.username }, { through: "profile" });
    return c.body(null, 204);
  });
}
