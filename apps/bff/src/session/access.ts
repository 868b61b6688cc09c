import type { SessionDto } from "@style-console/contract/dto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ApiEnv } from "../http/api-env.ts";
import { HttpError } from "../http/error.ts";
import { adminPrincipal } from "./principal.ts";
import type { FailureLimiter } from "./rate-limit.ts";
import type { SessionStore } from "./session-store.ts";
import { tokenId, tokensMatch } from "./token.ts";

export const SESSION_COOKIE = "sc_session";

export interface AccessOptions {
  adminToken: string;
  sessions: SessionStore;
  limiter: FailureLimiter;
  /** The caller's address, for the sign-in rate limit. */
  clientAddress: (c: Context) => string;
}

const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:";

/**
 * Sign-in, sign-out and the "who is this" check for every protected route. A request is signed in by
 * its session cookie, or by `Authorization: Bearer <admin token>` (for scripts; such requests carry
 * their credential every time, so they need no CSRF defence and get no cookie).
 */
export function createAccess(options: AccessOptions) {
  const { adminToken, sessions, limiter } = options;
  const adminTokenId = tokenId(adminToken);

  async function authenticate(c: Context): Promise<ApiEnv["Variables"]["auth"] | undefined> {
    const header = c.req.header("Authorization");
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match?.[1] || !tokensMatch(match[1], adminToken)) return undefined;
      const principal = adminPrincipal(adminTokenId, "bootstrap-token");
      return { tokenId: adminTokenId, via: "bearer", expiresAt: null, sessionId: null, principal };
    }
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? await sessions.get(id) : undefined;
    if (!id || !session) return undefined;
    const expiresAt = new Date(session.expiresAt).toISOString();
    return {
      tokenId: session.principal.id,
      via: "cookie",
      expiresAt,
      sessionId: id,
      principal: session.principal,
    };
  }

  // A bearer request is a sign-in on every call, so its failures count against the same limit: without
  // that, guessing the token through `Authorization` would bypass the sign-in rate limit.
  async function refuseIfLimited(address: string): Promise<void> {
    const wait = await limiter.retryAfter(address);
    if (wait > 0) {
      throw new HttpError("TooManyAttempts", `Too many failed sign-ins; try again in ${wait} s.`, {
        headers: { "Retry-After": String(wait) },
      });
    }
  }

  const requireSession: MiddlewareHandler<ApiEnv> = async (c, next) => {
    const bearer = c.req.header("Authorization") !== undefined;
    if (bearer) await refuseIfLimited(options.clientAddress(c));
    const auth = await authenticate(c);
    if (!auth) {
      if (bearer) await limiter.recordFailure(options.clientAddress(c));
      throw new HttpError("Unauthenticated", "Sign in first: this console needs its admin token.");
    }
    c.set("auth", auth);
    await next();
  };

  async function signIn(c: Context, presented: string): Promise<SessionDto> {
    const address = options.clientAddress(c);
    await refuseIfLimited(address);
    if (!tokensMatch(presented, adminToken)) {
      await limiter.recordFailure(address);
      throw new HttpError("InvalidToken", "That admin token is not right.");
    }
    const { id, session } = await sessions.create(adminPrincipal(adminTokenId, "session"));
    setCookie(c, SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: "Strict",
      secure: isHttps(c),
      path: "/",
      expires: new Date(session.expiresAt),
    });
    return { tokenId: adminTokenId, via: "cookie", expiresAt: new Date(session.expiresAt).toISOString() };
  }

  async function signOut(c: Context<ApiEnv>): Promise<void> {
    const { sessionId } = c.var.auth;
    if (sessionId) await sessions.delete(sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c), httpOnly: true, sameSite: "Strict" });
  }

  return { authenticate, requireSession, signIn, signOut, sessions };
}

export type Access = ReturnType<typeof createAccess>;
