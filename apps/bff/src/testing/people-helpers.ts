import type { ApiDeps } from "../app.ts";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../http/csrf.ts";
import { hashPassword } from "../users/password.ts";
import { ROLES, type Role } from "../users/roles.ts";
import { principalOf } from "../users/user-dto.ts";
import type { UserRow } from "../users/user-store.ts";

/** Test helpers of the people feature, mixed into the harness. */
export interface PeopleHelpers {
  people: {
    /** Inserts an account directly (with `id` when given), hashing `password` when given. */
    createUser(user: {
      id?: string;
      username: string;
      role: Role;
      password?: string;
      buckets?: string[];
    }): Promise<UserRow>;
  };
  /**
   * Headers of a browser signed in as an account of `role` (made once per role), with a fresh session
   * opened directly in the store: no argon2 verification, so a table of hundreds of cells stays fast.
   */
  sessionAs(role: Role): Promise<Record<string, string>>;
  /** Headers of a signed-out browser on the console's origin (CSRF header, JSON). */
  anonymousBrowser(): Record<string, string>;
  /** `POST /api/session {username, password}` from `address` (default 127.0.0.1). */
  signIn(
    username: string,
    password: string,
    address?: string,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

export function peopleHelpers(
  api: ApiDeps,
  origin: string,
  request: (path: string, init?: RequestInit & { address?: string }) => Promise<Response>,
): PeopleHelpers {
  const anonymousBrowser = () => ({
    Origin: origin,
    [CSRF_HEADER]: CSRF_HEADER_VALUE,
    "Content-Type": "application/json",
  });
  const byRole = new Map<Role, UserRow>();

  async function createUser(user: Parameters<PeopleHelpers["people"]["createUser"]>[0]): Promise<UserRow> {
    const row = await api.people.users.insert({
      username: user.username,
      displayName: user.username,
      role: user.role,
      buckets: user.buckets ?? null,
      passwordHash: user.password === undefined ? null : await hashPassword(user.password),
      oidcSubject: null,
    });
    if (!row) throw new Error(`username ${user.username} is taken`);
    if (user.id === undefined) return row;
    await api.people.users.db.updateTable("users").set({ id: user.id }).where("id", "=", row.id).execute();
    return { ...row, id: user.id };
  }

  async function sessionAs(role: Role): Promise<Record<string, string>> {
    if (!ROLES.includes(role)) throw new Error(`no role ${role}`);
    let row = byRole.get(role);
    if (!row) {
      row = await createUser({ username: `test-${role}`, role });
      byRole.set(role, row);
    }
    const { id } = await api.people.sessions.create(principalOf(row, "session"), {
      address: "127.0.0.1",
      userAgent: "test",
    });
    return { ...anonymousBrowser(), Cookie: `sc_session=${id}` };
  }

  const signIn = (
    username: string,
    password: string,
    address = "127.0.0.1",
    headers: Record<string, string> = {},
  ) =>
    request("/api/session", {
      method: "POST",
      headers: { ...anonymousBrowser(), ...headers },
      body: JSON.stringify({ username, password }),
      address,
    });

  return { people: { createUser }, sessionAs, anonymousBrowser, signIn };
}
