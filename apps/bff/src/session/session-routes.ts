import { signInBody } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { ApiEnv } from "../http/api-env.ts";
import { csrfGuard } from "../http/csrf.ts";
import { validate } from "../http/zod-validator.ts";
import type { Access } from "./access.ts";

/**
 * `POST /api/session {token}` signs in (sets the HttpOnly cookie); `GET` says whether and how the caller
 * is signed in (`{ signedIn: false }` when not); `DELETE` signs out. Sign-in is open but rate-limited and
 * CSRF-checked (no login CSRF).
 */
export function sessionRoutes(access: Access) {
  return new Hono<ApiEnv>()
    .post("/", csrfGuard, validate("json", signInBody), async (c) =>
      c.json(await access.signIn(c, c.req.valid("json").token), 200),
    )
    .get("/", async (c) => {
      // The SPA asks this on every load: being signed out is an answer here, not an error the browser
      // logs. A script's bearer token is still checked, and its failures rate-limited, as everywhere.
      if (c.req.header("Authorization") !== undefined) await access.requireSession(c, async () => {});
      const auth = await access.authenticate(c);
      if (!auth) return c.json({ signedIn: false as const }, 200);
      const { tokenId, via, expiresAt } = auth;
      return c.json({ signedIn: true as const, tokenId, via, expiresAt }, 200);
    })
    .delete("/", access.requireSession, csrfGuard, async (c) => {
      await access.signOut(c);
      return c.body(null, 204);
    });
}
