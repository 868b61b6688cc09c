import { isUsername, usernameFrom } from "@style-console/contract/names";
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ApiEnv } from "../http/api-env.ts";
import { HttpError } from "../http/error.ts";
import type { Logger } from "../platform/logger.ts";
import type { AccountEvents } from "../users/account-events.ts";
import type { UserRow, UserStore } from "../users/user-store.ts";
import type { Auth } from "./auth-service.ts";
import { originOf } from "./me.ts";
import type { Oidc, OidcFlow } from "./oidc.ts";
import { roleFromClaims } from "./oidc-role.ts";

const FLOW_COOKIE = "sc_oidc";
const FLOW_PATH = "/api/auth/oidc";

// Only a path of this console: an absolute URL here would make the callback an open redirect.
const safeReturnTo = (value: string | undefined) =>
  value && /^\/(?!\/)[^\s\\]*$/.test(value) && !value.startsWith("/api/") ? value : "/";

/** A username from what the provider calls the person: our characters, unique with a numeric suffix. */
async function freeUsername(users: UserStore, preferred: string): Promise<string> {
  // 56 leaves room for a "-99" suffix within the 64-character limit.
  const base = usernameFrom(preferred, "sso-user", 56);
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (isUsername(candidate) && !(await users.byUsername(candidate))) return candidate;
  }
  throw new HttpError("UsernameTaken", "No free username for this single sign-on account.");
}

/**
 * Single sign-on. `GET /api/auth/oidc/login?returnTo=/path` sends the browser to the provider (the
 * flow's state, nonce and PKCE verifier in a 10-minute HttpOnly cookie, SameSite=Lax because the
 * provider's redirect back is a cross-site navigation); `GET /api/auth/oidc/callback` checks them,
 * finds the account by the provider's subject (the first sign-in creates it), takes the role from the
 * claims on every sign-in, opens a session and returns to the console. A failure returns to
 * `/?signInError=<code>`, which the sign-in page explains in the person's language.
 */
export function oidcRoutes(
  oidc: Oidc | null,
  users: UserStore,
  events: AccountEvents,
  auth: Auth,
  logger: Logger,
) {
  const fail = (c: Context, code: string) => c.redirect(`/?signInError=${encodeURIComponent(code)}`, 302);
  const configured = (): Oidc => {
    if (!oidc)
      throw new HttpError(
        "SsoNotConfigured",
        "Single sign-on is not configured (OIDC_ISSUER, OIDC_CLIENT_ID).",
      );
    return oidc;
  };

  async function account(
    sso: Oidc,
    identity: Awaited<ReturnType<Oidc["finish"]>>,
  ): Promise<UserRow | string> {
    const role = roleFromClaims(identity.claims, sso.config.roles);
    if (role === null) return "OidcNoRole";
    const existing = await users.byOidcSubject(identity.subject);
    if (existing) {
      if (existing.disabled_at !== null) return "AccountDisabled";
      if (existing.role === role && existing.display_name === identity.displayName) return existing;
      const updated = await users.linkOidc(existing.id, identity.subject, role, identity.displayName);
      if (existing.role !== role) {
        await events.record(
          null,
          "user.update",
          { id: existing.id, name: existing.username },
          {
            role,
            from: "oidc-claim",
          },
        );
      }
      return updated ?? "OidcFailed";
    }
    const created = await users.insert({
      username: await freeUsername(users, identity.preferredUsername),
      displayName: identity.displayName,
      role,
      buckets: null,
      passwordHash: null,
      oidcSubject: identity.subject,
    });
    if (!created) return "UsernameTaken";
    await events.record(
      { id: created.id, displayName: created.display_name, via: "oidc" },
      "user.oidc-create",
      { id: created.id, name: created.username },
      { role },
    );
    return created;
  }

  return new Hono<ApiEnv>()
    .get("/login", async (c) => {
      const { url, flow } = await configured().start(originOf(c));
      const value: OidcFlow & { returnTo: string } = {
        ...flow,
        returnTo: safeReturnTo(c.req.query("returnTo")),
      };
      setCookie(c, FLOW_COOKIE, Buffer.from(JSON.stringify(value)).toString("base64url"), {
        httpOnly: true,
        sameSite: "Lax",
        secure: new URL(c.req.url).protocol === "https:",
        path: FLOW_PATH,
        maxAge: 600,
      });
      return c.redirect(url, 302);
    })
    .get("/callback", async (c) => {
      const sso = configured();
      const raw = getCookie(c, FLOW_COOKIE);
      deleteCookie(c, FLOW_COOKIE, { path: FLOW_PATH });
      if (!raw) return fail(c, "OidcExpired");
      let flow: OidcFlow & { returnTo: string };
      try {
        flow = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
      } catch {
        return fail(c, "OidcExpired");
      }
      if (c.req.query("error")) return fail(c, "OidcDenied");
      let identity: Awaited<ReturnType<Oidc["finish"]>>;
      try {
        identity = await sso.finish(new URL(c.req.url), flow);
      } catch (error) {
        // Name and code only: a provider's error text could echo a code or a token.
        const e = error as { name?: string; code?: string };
        logger.error(`OIDC sign-in failed: ${e.name ?? "Error"}${e.code ? ` ${e.code}` : ""}`);
        return fail(c, error instanceof HttpError ? error.code : "OidcFailed");
      }
      const row = await account(sso, identity);
      if (typeof row === "string") return fail(c, row);
      await auth.openSession(c, row, "oidc");
      return c.redirect(safeReturnTo(flow.returnTo), 302);
    });
}
