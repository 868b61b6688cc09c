import type { Kysely } from "kysely";
import { createAuth } from "../auth/auth-service.ts";
import { createOidc, type Oidc, type OidcConfig } from "../auth/oidc.ts";
import { DEFAULT_THROTTLE, SignInThrottle, type ThrottlePolicy } from "../auth/throttle.ts";
import { DbThrottleStore } from "../auth/throttle-store.ts";
import type { Database } from "../db/schema.ts";
import type { SessionStore } from "../session/session-store.ts";
import { TokenStore } from "../tokens/token-store.ts";
import { AccountEvents } from "./account-events.ts";
import { LinkStore } from "./link-store.ts";
import { createUserService } from "./user-service.ts";
import { UserStore } from "./user-store.ts";

export interface PeopleOptions {
  db: Kysely<Database>;
  sessions: SessionStore;
  /** The bootstrap admin token (`CONSOLE_ADMIN_TOKEN` or the generated one). */
  adminToken: string;
  /** `TRUST_PROXY`: reverse proxies whose X-Forwarded-For is trusted. */
  trustedProxies?: number;
  throttle?: ThrottlePolicy;
  oidc?: OidcConfig | undefined;
  inviteTtlMs?: number;
  now?: () => number;
}

/**
 * The people feature's parts, wired from plain values: accounts, tokens, links, their audit, the
 * throttle, sign-in (`auth`) and single sign-on (null when not configured). `ensureBootstrap()` must run
 * once before requests (it creates the built-in admin the bootstrap token acts as).
 * @example
 * const people = createPeople({ db, sessions, adminToken });
 * await people.ensureBootstrap();
 */
export function createPeople(options: PeopleOptions) {
  const { db, sessions } = options;
  const now = options.now ?? Date.now;
  const users = new UserStore(db, now);
  const tokens = new TokenStore(db, now);
  const links = new LinkStore(db, now);
  const events = new AccountEvents(db);
  const throttle = new SignInThrottle(new DbThrottleStore(db), options.throttle ?? DEFAULT_THROTTLE, now);
  const auth = createAuth({
    adminToken: options.adminToken,
    users,
    tokens,
    sessions,
    throttle,
    trustedProxies: options.trustedProxies ?? 0,
  });
  const service = createUserService({
    users,
    links,
    sessions,
    events,
    ...(options.inviteTtlMs === undefined ? {} : { inviteTtlMs: options.inviteTtlMs }),
  });
  const oidc: Oidc | null = options.oidc ? createOidc(options.oidc) : null;
  return {
    users,
    tokens,
    links,
    events,
    throttle,
    auth,
    service,
    oidc,
    sessions,
    now,
    ensureBootstrap: () => users.ensureBootstrap(),
  };
}

export type People = ReturnType<typeof createPeople>;
