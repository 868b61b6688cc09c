import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ApiEnv } from "../http/api-env.ts";
import { HttpError } from "../http/error.ts";
import { type SessionStore, sessionIdHash } from "../session/session-store.ts";
import { tokensMatch } from "../session/token.ts";
import type { TokenStore } from "../tokens/token-store.ts";
import { verifyNothing, verifyPassword } from "../users/password.ts";
import type { Principal, Via } from "../users/principal.ts";
import { ROLES, type Role } from "../users/roles.ts";
import { principalOf } from "../users/user-dto.ts";
import { BOOTSTRAP_USER, normalizeUsername, type UserRow, type UserStore } from "../users/user-store.ts";
import { clientAddress } from "./client-address.ts";
import type { SignInThrottle } from "./throttle.ts";

export const SESSION_COOKIE = "sc_session";

export interface AuthOptions {
  adminToken: string;
  users: UserStore;
  tokens: TokenStore;
  sessions: SessionStore;
  throttle: SignInThrottle;
  /** Reverse proxies in front of the console (`TRUST_PROXY`), see client-address.ts. */
  trustedProxies: number;
}

/** Hono variables the auth middleware sets: who is calling, null when nobody is signed in. */
export interface AuthVariables {
  principal: Principal | null;
}

const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:";
const lower = (a: Role, b: Role): Role => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b);

function tooMany(seconds: number): HttpError {
  return new HttpError("TooManyAttempts", `Too many failed sign-ins; try again in ${seconds} s.`, {
    headers: { "Retry-After": String(seconds) },
    details: { retryAfter: seconds },
  });
}

/**
 * Who is calling, and signing in and out. A request is identified by `Authorization: Bearer` (the
 * bootstrap admin token or a personal API token) or by its session cookie; the account is read fresh
 * on every request, so a role change applies at once and a disabled account is out at once.
 */
export function createAuth(options: AuthOptions) {
  const { adminToken, users, tokens, sessions, throttle } = options;
  const addressOf = (c: Context) => clientAddress(c, options.trustedProxies);

  async function bootstrapUser(): Promise<UserRow> {
    const row = await users.byId(BOOTSTRAP_USER.id);
    if (!row) throw new Error("The built-in admin account is missing: was ensureBootstrap() run?");
    return row;
  }

  async function fromBearer(c: Context, header: string): Promise<Principal> {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (presented !== undefined) {
      if (tokensMatch(presented, adminToken)) return principalOf(await bootstrapUser(), "bootstrap-token");
      const token = await tokens.resolve(presented);
      const owner = token && (await users.byId(token.userId));
      if (token && owner && owner.disabled_at === null) {
        // A token never acts above its owner, even when the owner was demoted after making it.
        return principalOf(owner, "api-token", {
          role: lower(token.role, owner.role),
          tokenId: token.tokenId,
          expiresAt: token.expiresAt,
        });
      }
    }
    // A wrong bearer counts against the address (not an account: it names none), like a wrong password.
    const gate = await throttle.failed(null, addressOf(c));
    if (gate.addressWait > 0) throw tooMany(gate.addressWait);
    throw new HttpError("InvalidToken", "That token is not valid (unknown, revoked or expired).");
  }

  async function fromCookie(c: Context): Promise<Principal | null> {
    const id = getCookie(c, SESSION_COOKIE);
    if (!id) return null;
    const session = await sessions.get(id);
    if (!session) return null;
    const row = await users.byId(session.principal.id);
    if (!row || row.disabled_at !== null) return null;
    return principalOf(row, session.principal.via as Via, {
      sessionId: sessionIdHash(id),
      expiresAt: new Date(session.expiresAt),
    });
  }

  /** Sets `c.var.principal` for every API request; a bad bearer is a 401 (429 when throttled) at once. */
  const identify: MiddlewareHandler<ApiEnv> = async (c, next) => {
    const header = c.req.header("Authorization");
    c.set("principal", header === undefined ? await fromCookie(c) : await fromBearer(c, header));
    await next();
  };

  /** Opens a cookie session for an account. */
  async function openSession(c: Context, row: UserRow, via: Via): Promise<Principal> {
    const { id, session } = await sessions.create(principalOf(row, via), {
      address: addressOf(c),
      userAgent: c.req.header("User-Agent")?.slice(0, 300) ?? null,
    });
    setCookie(c, SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: "Strict",
      secure: isHttps(c),
      path: "/",
      expires: new Date(session.expiresAt),
    });
    return principalOf(row, via, { sessionId: sessionIdHash(id), expiresAt: new Date(session.expiresAt) });
  }

  /**
   * One throttled attempt: `check` runs only when the account is not in its delay; a wrong answer is
   * 401 (429 when the address is in its delay), a right one clears the account's failures.
   */
  async function attempt(
    c: Context,
    account: string,
    check: () => Promise<boolean>,
    wrong: (headers: Record<string, string>) => HttpError,
  ) {
    const address = addressOf(c);
    const before = await throttle.gate(account, address);
    if (before.accountWait > 0) throw tooMany(before.accountWait);
    if (await check()) {
      await throttle.succeeded(account, address);
      return;
    }
    const after = await throttle.failed(account, address);
    if (before.addressWait > 0) throw tooMany(Math.max(before.addressWait, after.accountWait));
    throw wrong(after.accountWait > 0 ? { "Retry-After": String(after.accountWait) } : {});
  }

  /** `POST /api/session {token}`: the bootstrap admin token signs in as the built-in admin. */
  async function signInWithToken(c: Context, presented: string): Promise<Principal> {
    await attempt(
      c,
      "bootstrap",
      async () => tokensMatch(presented, adminToken),
      (headers) => new HttpError("InvalidToken", "That admin token is not right.", { headers }),
    );
    return openSession(c, await bootstrapUser(), "bootstrap-token");
  }

  /** `POST /api/session {username, password}`. */
  async function signInWithPassword(c: Context, username: string, password: string): Promise<Principal> {
    const account = normalizeUsername(username);
    let row: UserRow | undefined;
    await attempt(
      c,
      account,
      async () => {
        row = await users.byUsername(account);
        const hash = row?.password_hash;
        return hash ? verifyPassword(hash, password) : verifyNothing(password);
      },
      (headers) =>
        new HttpError("InvalidCredentials", "That username and password do not match.", { headers }),
    );
    if (!row) throw new Error("unreachable: a matched password has an account");
    // Said only to someone who knows the password, so it reveals nothing to a guesser.
    if (row.disabled_at !== null)
      throw new HttpError("AccountDisabled", "This account is disabled; ask an admin.");
    return openSession(c, row, "session");
  }

  async function signOut(c: Context): Promise<void> {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) await sessions.delete(id);
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c), httpOnly: true, sameSite: "Strict" });
  }

  return { identify, openSession, signInWithToken, signInWithPassword, signOut, addressOf };
}

export type Auth = ReturnType<typeof createAuth>;
