import { Hono } from "hono";
import { signInBody } from "../contract/schemas.ts";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/validate.ts";
import { csrfGuard } from "../security/csrf.ts";
import type { Access } from "../session/access.ts";

/**
 * `POST /api/session {token}` signs in (sets the HttpOnly cookie); `GET` says who is signed in (401 when
 * nobody); `DELETE` signs out. Sign-in is open but rate-limited and CSRF-checked (no login CSRF).
 */
export function sessionRoutes(access: Access) {
  return new Hono<ApiEnv>()
    .post("/", csrfGuard, validate("json", signInBody), (c) =>
      c.json(access.signIn(c, c.req.valid("json").token), 200),
    )
    .get("/", access.requireSession, (c) => {
      const { tokenId, via, expiresAt } = c.var.auth;
      return c.json({ tokenId, via, expiresAt }, 200);
    })
    .delete("/", access.requireSession, csrfGuard, (c) => {
      access.signOut(c);
      return c.body(null, 204);
    });
}
