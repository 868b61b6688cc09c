import { createUserBody, idParam, patchUserBody } from "@style-console/contract/schemas";
import { Hono } from "hono";
import { z } from "zod";
import { me, originOf } from "../auth/me.ts";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import type { AccountEvents } from "./account-events.ts";
import { toUserDto } from "./user-dto.ts";
import type { UserService } from "./user-service.ts";
import type { UserStore } from "./user-store.ts";

const eventsQuery = z.object({
  userId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * People (admins only, by the access table): `GET /api/users`; `POST /api/users` `{ username, role,
 * password?, buckets?, displayName? }` → 201 `{ user, invite? }`; `PATCH /api/users/:id` `{ role?,
 * displayName?, buckets?, disabled? }`; `POST /api/users/:id/reset` → 201 `{ reset }` (a single-use
 * link); `GET /api/users/events` the audit of accounts.
 */
export function userRoutes(users: UserStore, service: UserService, events: AccountEvents) {
  return new Hono<ApiEnv>()
    .get("/", async (c) => c.json({ users: (await users.list()).map(toUserDto) }, 200))
    .get("/events", validate("query", eventsQuery), async (c) => {
      const { userId, limit } = c.req.valid("query");
      return c.json({ events: await events.list(limit, userId) }, 200);
    })
    .post("/", validate("json", createUserBody), async (c) => {
      const created = await service.create(me(c), originOf(c), c.req.valid("json"));
      return c.json(created, 201);
    })
    .patch("/:id", validate("param", idParam), validate("json", patchUserBody), async (c) => {
      const user = await service.patch(me(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ user }, 200);
    })
    .post("/:id/reset", validate("param", idParam), async (c) => {
      const reset = await service.resetLink(me(c), originOf(c), c.req.valid("param").id);
      return c.json({ reset }, 201);
    });
}
