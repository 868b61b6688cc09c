import { isRole, type Role, roleAtLeast } from "../users/roles.ts";

/**
 * How single sign-on gives a person a role: the ID token's (or userinfo's) claim `claim` (a dotted
 * path, e.g. `roles` or `realm_access.roles`) holds a string or a list of strings. With `map`, each value
 * is looked up there (`console-admins` → `admin`); without it, a value that names a role is that role.
 * The highest role found wins; none found gives `defaultRole` (null: the sign-in is refused).
 */
export interface OidcRoleMapping {
  claim: string;
  map: ReadonlyMap<string, Role> | null;
  defaultRole: Role | null;
}

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The role the claims give, or null when they give none and there is no default.
 * @example
 * roleFromClaims({ groups: ["design", "ops"] }, { claim: "groups", map: new Map([["ops", "operator"]]), defaultRole: null }); // "operator"
 */
export function roleFromClaims(claims: Record<string, unknown>, mapping: OidcRoleMapping): Role | null {
  const raw = claimAt(claims, mapping.claim);
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  let best: Role | null = null;
  for (const value of values) {
    const role = mapping.map ? mapping.map.get(value) : isRole(value) ? value : undefined;
    if (role && (best === null || roleAtLeast(role, best))) best = role;
  }
  return best ?? mapping.defaultRole;
}

/**
 * Parses `OIDC_ROLE_MAP` (`value=role,value=role`), or returns the message of what is wrong.
 * @example
 * parseRoleMap("console-admins=admin, designers=designer"); // Map { "console-admins" → "admin", … }
 */
export function parseRoleMap(text: string): Map<string, Role> | string {
  const map = new Map<string, Role>();
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf("=");
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !isRole(role))
      return `"${entry}" is not value=role with a role of viewer, designer, operator or admin`;
    map.set(value, role);
  }
  return map;
}
