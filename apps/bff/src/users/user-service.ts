import { HttpError } from "../http/error.ts";
import type { SessionStore } from "../session/session-store.ts";
import type { AccountEvents } from "./account-events.ts";
import type { LinkStore } from "./link-store.ts";
import { hashPassword, PASSWORD_PROBLEM_TEXT, passwordProblem } from "./password.ts";
import type { Principal } from "./principal.ts";
import type { Role } from "./roles.ts";
import { toUserDto, type UserDto } from "./user-dto.ts";
import type { UserRow, UserStore } from "./user-store.ts";

export interface UserServiceOptions {
  users: UserStore;
  links: LinkStore;
  sessions: SessionStore;
  events: AccountEvents;
  /** How long an invite or reset link works (default 7 days / 1 day). */
  inviteTtlMs?: number;
  resetTtlMs?: number;
}

/** A link to hand to a person: `<origin>/#invite=<secret>`. */
export interface LinkDto {
  url: string;
  expiresAt: string;
}

const DAY = 24 * 3600 * 1000;

/** Throws the policy's verdict as a 400 with a stable `details.problem` code for the SPA's message. */
export function assertPasswordOk(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new HttpError("WeakPassword", PASSWORD_PROBLEM_TEXT[problem], { details: { problem } });
}

const linkUrl = (origin: string, secret: string) => `${origin}/#invite=${secret}`;

/**
 * Managing people: admins create (with a password or an invite link), change, disable and reset
 * accounts; a person sets their password through a link. Every change records an account event naming
 * who did it.
 */
export function createUserService(options: UserServiceOptions) {
  const { users, links, sessions, events } = options;
  const inviteTtl = options.inviteTtlMs ?? 7 * DAY;
  const resetTtl = options.resetTtlMs ?? DAY;

  async function mustFind(id: string): Promise<UserRow> {
    const row = await users.byId(id);
    if (!row) throw new HttpError("NoSuchUser", "There is no such account.");
    return row;
  }

  async function create(
    actor: Principal,
    origin: string,
    body: {
      username: string;
      role: Role;
      displayName?: string | undefined;
      password?: string | undefined;
      buckets?: string[] | null | undefined;
    },
  ): Promise<{ user: UserDto; invite?: LinkDto }> {
    if (body.password !== undefined) assertPasswordOk(body.password, body.username);
    const row = await users.insert({
      username: body.username,
      displayName: body.displayName ?? body.username,
      role: body.role,
      buckets: body.buckets ?? null,
      passwordHash: body.password === undefined ? null : await hashPassword(body.password),
      oidcSubject: null,
    });
    if (!row) throw new HttpError("UsernameTaken", `The username "${body.username}" is taken.`);
    await events.record(
      actor,
      "user.create",
      { id: row.id, name: row.username },
      {
        role: row.role,
        buckets: row.buckets,
        invited: body.password === undefined,
      },
    );
    if (body.password !== undefined) return { user: toUserDto(row) };
    const link = await links.create(row.id, "invite", actor.id, inviteTtl);
    return {
      user: toUserDto(row),
      invite: { url: linkUrl(origin, link.secret), expiresAt: link.expiresAt.toISOString() },
    };
  }

  async function patch(
    actor: Principal,
    id: string,
    body: {
      role?: Role | undefined;
      displayName?: string | undefined;
      buckets?: string[] | null | undefined;
      disabled?: boolean | undefined;
    },
  ): Promise<UserDto> {
    const before = await mustFind(id);
    if (
      before.builtin &&
      (body.role !== undefined || body.buckets !== undefined || body.disabled !== undefined)
    ) {
      throw new HttpError("BuiltinAccount", "The built-in admin keeps its role and cannot be disabled.");
    }
    if (id === actor.id && (body.disabled === true || (body.role !== undefined && body.role !== "admin"))) {
      throw new HttpError("NotYourself", "You cannot disable or demote your own account; ask another admin.");
    }
    const row = await users.update(id, {
      ...(body.role === undefined ? {} : { role: body.role }),
      ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
      ...(body.buckets === undefined ? {} : { buckets: body.buckets }),
      ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
    });
    if (!row) throw new HttpError("NoSuchUser", "There is no such account.");
    let ended = 0;
    if (body.disabled === true && before.disabled_at === null) ended = await sessions.deleteForPrincipal(id);
    const action =
      body.disabled === true ? "user.disable" : body.disabled === false ? "user.enable" : "user.update";
    await events.record(
      actor,
      action,
      { id: row.id, name: row.username },
      {
        ...body,
        ...(ended > 0 ? { sessionsEnded: ended } : {}),
      },
    );
    return toUserDto(row);
  }

  async function resetLink(actor: Principal, origin: string, id: string): Promise<LinkDto> {
    const row = await mustFind(id);
    if (row.builtin)
      throw new HttpError(
        "BuiltinAccount",
        "The built-in admin signs in with the bootstrap token, not a password.",
      );
    const kind = row.password_hash === null && row.oidc_subject === null ? "invite" : "reset";
    const link = await links.create(row.id, kind, actor.id, kind === "invite" ? inviteTtl : resetTtl);
    await events.record(actor, "user.reset-link", { id: row.id, name: row.username }, { kind });
    return { url: linkUrl(origin, link.secret), expiresAt: link.expiresAt.toISOString() };
  }

  /** What a link is for, or 404 when it is used, expired or unknown. */
  async function describeLink(secret: string) {
    const link = await links.live(secret);
    const row = link && (await users.byId(link.user_id));
    if (!link || !row || row.disabled_at !== null)
      throw new HttpError(
        "LinkInvalid",
        "This link has been used, has expired, or was replaced by a newer one.",
      );
    return { link, row };
  }

  /** Sets the password a link was made for, spends the link and ends the account's other sessions. */
  async function acceptLink(secret: string, password: string): Promise<UserRow> {
    const { link, row } = await describeLink(secret);
    assertPasswordOk(password, row.username);
    const hash = await hashPassword(password);
    if (!(await links.spend(link.id)))
      throw new HttpError(
        "LinkInvalid",
        "This link has been used, has expired, or was replaced by a newer one.",
      );
    const updated = await users.update(row.id, { passwordHash: hash });
    if (!updated) throw new HttpError("NoSuchUser", "There is no such account.");
    await sessions.deleteForPrincipal(row.id);
    await events.record(
      { id: row.id, displayName: row.display_name, via: "session" },
      "user.password",
      { id: row.id, name: row.username },
      { through: link.kind },
    );
    return updated;
  }

  return { create, patch, resetLink, describeLink, acceptLink, mustFind };
}

export type UserService = ReturnType<typeof createUserService>;
