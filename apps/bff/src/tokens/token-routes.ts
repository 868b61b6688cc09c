import { createTokenBody, idParam, ownerQuery } from "@style-console/contract/schemas";
import { Hono } from "hono";
import { me, ownerScope } from "../auth/me.ts";
import type { ApiEnv } from "../http/api-env.ts";
import { HttpError } from "../http/error.ts";
import { validate } from "../http/zod-validator.ts";
import type { AccountEvents } from "../users/account-events.ts";
import { roleAtLeast } from "../users/roles.ts";
import type { TokenStore } from "./token-store.ts";

/**
 * Personal API tokens. `POST /api/tokens {name, role?, expiresInDays?}` → 201 `{ token, id, … }`: the
 * token is in this answer only (stored as a hash); its role defaults to, and may not exceed, the
 * caller's. `GET /api/tokens?userId=` lists (yours; anyone's or `all` as an admin); `DELETE
 * /api/tokens/:id` revokes (yours, or anyone's as an admin).
 */
export function tokenRoutes(tokens: TokenStore, events: AccountEvents, now: () => number = Date.now) {
  return new Hono<ApiEnv>()
    .get("/", validate("query", ownerQuery), async (c) => {
      const owner = ownerScope(me(c), c.req.valid("query").userId);
      return c.json({ tokens: await tokens.list(owner) }, 200);
    })
    .post("/", validate("json", createTokenBody), async (c) => {
      const caller = me(c);
      const { name, role = caller.role, expiresInDays } = c.req.valid("json");
      if (!roleAtLeast(caller.role, role))
        throw new HttpError("RoleTooHigh", `A token's role cannot be above yours (${caller.role}).`, {
          details: { role, max: caller.role },
        });
      const expiresAt =
        expiresInDays === undefined ? null : new Date(now() + expiresInDays * 24 * 3600 * 1000);
      const { id, token } = await tokens.create(caller.id, name, role, expiresAt);
      await events.record(
        caller,
        "token.create",
        { id: caller.id, name: caller.username },
        { tokenId: id, name, role },
      );
      return c.json({ id, token, name, role, expiresAt: expiresAt?.toISOString() ?? null }, 201);
    })
    .delete("/:id", validate("param", idParam), async (c) => {
      const caller = me(c);
      const { id } = c.req.valid("param");
      const owner = await tokens.ownerOf(id);
      if (!owner || (owner.userId !== caller.id && caller.role !== "admin"))
        throw new HttpError("NoSuchToken", "There is no such token (it may be revoked already).");
      await tokens.delete(id);
      await events.record(
        caller,
        "token.revoke",
        { id: owner.userId, name: owner.username },
        { tokenId: id, name: owner.name },
      );
      return c.body(null, 204);
    });
}
