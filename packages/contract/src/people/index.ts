/**
 * The people feature's shared vocabulary: roles, the password policy's limits and verdict codes, and the
 * JSON of accounts and sessions. The BFF enforces them; the SPA shows them.
 */

/**
 * The console's roles, lowest first: each has every power of the ones before it (issue 10).
 * - `viewer`: read buckets, styles, history, the audit log; preview.
 * - `designer`: + upload preview images, drafts and review requests.
 * - `operator`: + create, edit, delete, restore, copy and import styles.
 * - `admin`: + people and settings.
 */
export const ROLES = ["viewer", "designer", "operator", "admin"] as const;

export type Role = (typeof ROLES)[number];

/**
 * Whether `have` includes the powers of `need`.
 * @example
 * roleAtLeast("operator", "designer"); // true
 * roleAtLeast("viewer", "designer"); // false
 */
export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** Whether `value` names a role. */
export const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** Password length limits in Unicode code points (NIST SP 800-63B §5.1.1.2: at least 8; we ask 10). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Why a password is refused (`WeakPassword`'s `details.problem`), as a stable code for the SPA's text. */
export const PASSWORD_PROBLEMS = ["tooShort", "tooLong", "common", "containsUsername", "repetitive"] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/**
 * How a request proved who it is (the audit's `actor_via`):
 * - `session`: a cookie session opened with a username and password;
 * - `oidc`: a cookie session opened through single sign-on;
 * - `api-token`: a personal API token sent as `Authorization: Bearer`;
 * - `bootstrap-token`: the console's admin token (`CONSOLE_ADMIN_TOKEN`), as a cookie session or a bearer.
 */
export type Via = "session" | "oidc" | "api-token" | "bootstrap-token";

/** An account as the People screen shows it (never a password hash). */
export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  buckets: string[] | null;
  /** How the person can sign in. */
  password: boolean;
  sso: boolean;
  builtin: boolean;
  disabled: boolean;
  /** An invite sent but not yet taken up: no password and no single sign-on yet. */
  invited: boolean;
  /** ISO 8601. */
  createdAt: string;
}

/** `GET /api/session` when signed in (and `POST /api/session`'s answer). */
export interface SessionDto {
  signedIn: true;
  user: { id: string; username: string; displayName: string; role: Role; buckets: readonly string[] | null };
  via: Via;
  /** When the session ends (ISO 8601); null when it does not. */
  expiresAt: string | null;
}
