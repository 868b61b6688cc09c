import { signInBody } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import { toSessionDto } from "../users/user-dto.ts";
import type { Auth } from "./auth-service.ts";
import { me } from "./me.ts";

/**
 * `POST /api/session` signs in with `{ username, password }` or the bootstrap `{ token }` (HttpOnly
 * cookie); `GET` says who is signed in (`{ signedIn: false, sso }` when nobody is: being signed out is an
 * answer here, not an error); `DELETE` signs out. Sign-in is public, throttled and CSRF-checked.
 */
export function sessionRoutes(auth: Auth, sso: { name: string } | null) {
  return new Hono<ApiEnv>()
    .post("/", validate("json", signInBody), async (c) => {
      const body = c.req.valid("json");
      const principal =
        body.token !== undefined
          ? await auth.signInWithToken(c, body.token)
          : await auth.signInWithPassword(c, body.username ?? "", body.password ?? "");
      return c.json(toSessionDto(principal), 200);
    })
    .get("/", (c) => {
      const principal = c.var.principal;
      if (!principal) return c.json({ signedIn: false as const, sso }, 200);
      return c.json(toSessionDto(principal), 200);
    })
    .delete("/", async (c) => {
      me(c);
      await auth.signOut(c);
      return c.body(null, 204);
    });
}
