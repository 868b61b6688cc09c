import { idParam, ownerQuery } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { ApiEnv } from "../http/api-env.ts";
import { HttpError } from "../http/error.ts";
import { validate } from "../http/zod-validator.ts";
import type { SessionStore } from "../session/session-store.ts";
import type { AccountEvents } from "../users/account-events.ts";
import { me, ownerScope } from "./me.ts";

/**
 * `GET /api/sessions?userId=` lists cookie sessions (yours; an admin's for anyone, `all` for everyone),
 * marking the one making the request; `DELETE /api/sessions/:id` ends one (yours, or anyone's as an admin).
 */
export function sessionListRoutes(sessions: SessionStore, events: AccountEvents) {
  return new Hono<ApiEnv>()
    .get("/", validate("query", ownerQuery), async (c) => {
      const caller = me(c);
      const owner = ownerScope(caller, c.req.valid("query").userId);
      const list = await sessions.list(owner);
      return c.json({ sessions: list.map((s) => ({ ...s, current: s.id === caller.sessionId })) }, 200);
    })
    .delete("/:id", validate("param", idParam), async (c) => {
      const caller = me(c);
      const { id } = c.req.valid("param");
      const session = await sessions.byId(id);
      if (!session || (session.userId !== caller.id && caller.role !== "admin"))
        throw new HttpError("NoSuchSession", "There is no such session (it may have ended already).");
      await sessions.deleteById(id);
      await events.record(
        caller,
        "session.end",
        { id: session.userId, name: session.userName },
        { via: session.via },
      );
      return c.body(null, 204);
    });
}
