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
