import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Role } from "./roles.ts";
import type { UserTable } from "./tables.ts";

export type UserRow = Selectable<UserTable>;

/** The built-in account the bootstrap token acts as. */
export const BOOTSTRAP_USER = {
  id: "bootstrap-admin",
  username: "admin",
  displayName: "Admin (bootstrap token)",
};

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  buckets: readonly string[] | null;
  passwordHash: string | null;
  oidcSubject: string | null;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  buckets?: readonly string[] | null;
  passwordHash?: string | null;
  disabled?: boolean;
}

/** A username as stored and compared: trimmed and lower-case. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase();

const json = (buckets: readonly string[] | null | undefined) =>
  buckets === null || buckets === undefined ? null : JSON.stringify(buckets);

/**
 * The `users` table. Unique usernames are the database's rule (a unique index), so two admins inviting
 * the same name at once get one account and one `UsernameTaken`.
 */
export class UserStore {
  constructor(
    readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates the built-in admin when missing (every start; idempotent on every replica). */
  async ensureBootstrap(): Promise<void> {
    const at = new Date(this.now());
    await this.db
      .insertInto("users")
      .values({
        id: BOOTSTRAP_USER.id,
        username: BOOTSTRAP_USER.username,
        display_name: BOOTSTRAP_USER.displayName,
        role: "admin",
        buckets: null,
        password_hash: null,
        oidc_subject: null,
        builtin: true,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }

  byId(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  }

  byUsername(username: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", normalizeUsername(username))
      .executeTakeFirst();
  }

  byOidcSubject(subject: string): Promise<UserRow | undefined> {
    return this.db.selectFrom("users").selectAll().where("oidc_subject", "=", subject).executeTakeFirst();
  }

  list(): Promise<UserRow[]> {
    return this.db.selectFrom("users").selectAll().orderBy("username").execute();
  }

  /** Inserts a user; undefined when the username is taken. */
  async insert(user: NewUser): Promise<UserRow | undefined> {
    const at = new Date(this.now());
    return this.db
      .insertInto("users")
      .values({
        id: randomUUID(),
        username: normalizeUsername(user.username),
        display_name: user.displayName,
        role: user.role,
        buckets: json(user.buckets),
        password_hash: user.passwordHash,
        oidc_subject: user.oidcSubject,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column("username").doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  /** Applies a patch; undefined when there is no such user. */
  async update(id: string, patch: UserPatch): Promise<UserRow | undefined> {
    const at = new Date(this.now());
    return this.db
      .updateTable("users")
      .set({
        updated_at: at,
        ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.buckets === undefined ? {} : { buckets: json(patch.buckets) }),
        ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
        ...(patch.disabled === undefined ? {} : { disabled_at: patch.disabled ? at : null }),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Links an account to a single sign-on subject and takes the provider's role. */
  async linkOidc(id: string, subject: string, role: Role, displayName: string): Promise<UserRow | undefined> {
    return this.db
      .updateTable("users")
      .set({ oidc_subject: subject, role, display_name: displayName, updated_at: new Date(this.now()) })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
  }
}
