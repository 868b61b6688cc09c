import { acceptLinkBody, checkLinkBody } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { Auth } from "../auth/auth-service.ts";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import { toSessionDto } from "./user-dto.ts";
import type { UserService } from "./user-service.ts";

/**
 * Invite and reset links (public: the link's secret is the credential, so it travels in the body, never
 * in a URL a log could keep). `POST /api/invites/check {token}` says what the link is for;
 * `POST /api/invites/accept {token, password}` sets the password (the policy's verdict as 400
 * `WeakPassword`), spends the link and signs the person in.
 */
export function linkRoutes(service: UserService, auth: Auth) {
  return new Hono<ApiEnv>()
    .post("/check", validate("json", checkLinkBody), async (c) => {
      const { link, row } = await service.describeLink(c.req.valid("json").token);
      return c.json(
        {
          kind: link.kind,
          username: row.username,
          displayName: row.display_name,
          expiresAt: link.expires_at.toISOString(),
        },
        200,
      );
    })
    .post("/accept", validate("json", acceptLinkBody), async (c) => {
      const { token, password } = c.req.valid("json");
      const row = await service.acceptLink(token, password);
      return c.json(toSessionDto(await auth.openSession(c, row, "session")), 200);
    });
}
