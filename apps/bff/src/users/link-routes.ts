import { Hono } from "hono";
import type { Auth } from "../auth/auth-service.ts";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import { acceptLinkBody, linkParam } from "./schemas.ts";
import { toSessionDto } from "./user-dto.ts";
import type { UserService } from "./user-service.ts";

/**
 * Invite and reset links (public: the link's secret is the credential). `GET /api/invites/:token`
 * says what the link is for; `POST /api/invites/:token {password}` sets the password (the policy's
 * verdict as 400 `WeakPassword`), spends the link and signs the person in.
 */
export function linkRoutes(service: UserService, auth: Auth) {
  return new Hono<ApiEnv>()
    .get("/:token", validate("param", linkParam), async (c) => {
      const { link, row } = await service.describeLink(c.req.valid("param").token);
      return c.json(
        { kind: link.kind, username: row.username, displayName: row.display_name, expiresAt: link.expires_at.toISOString() },
        200,
      );
    })
    .post("/:token", validate("param", linkParam), validate("json", acceptLinkBody), async (c) => {
      const row = await service.acceptLink(c.req.valid("param").token, c.req.valid("json").password);
      return c.json(toSessionDto(await auth.openSession(c, row, "session")), 200);
    });
}
