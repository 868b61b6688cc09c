import { ROLES, type Role, roleAtLeast } from "@style-console/contract/people";

/**
 * What the signed-in person may do, so the SPA can disable a button and say why instead of letting
 * the BFF refuse it. The BFF's access table (apps/bff/src/auth/rules.ts) is the rule; this mirrors the
 * few actions screens offer, with the contract's role order (`@style-console/contract/people`).
 */
/** The roles, lowest first (the contract's `ROLES`). */
export const ROLE_ORDER: readonly Role[] = ROLES;

export type Action =
  | "style.write"
  | "draft.write"
  | "draft.review"
  | "settings.write"
  | "sample.upload"
  | "people.manage"
  | "bucket.logging";

/** The lowest role that may do each action. */
export const NEEDS: Record<Action, Role> = {
  "style.write": "operator",
  "draft.write": "designer",
  "draft.review": "operator",
  "settings.write": "admin",
  "sample.upload": "designer",
  "people.manage": "admin",
  // PUT /api/buckets/:bucket/usage/logging
  "bucket.logging": "operator",
};

export interface Who {
  role: Role;
  buckets: readonly string[] | null;
}

export type Verdict =
  | { allowed: true }
  | { allowed: false; need: Role; role: Role; bucket?: undefined }
  | { allowed: false; bucket: string; role: Role; need?: undefined };

/**
 * Whether `who` may do `action` (on `bucket`, when it is about one).
 * @example
 * can({ role: "designer", buckets: null }, "style.write"); // { allowed: false, need: "operator", role: "designer" }
 */
export function can(who: Who | null | undefined, action: Action, bucket?: string): Verdict {
  if (!who) return { allowed: false, need: NEEDS[action], role: "viewer" };
  const need = NEEDS[action];
  if (!roleAtLeast(who.role, need)) return { allowed: false, need, role: who.role };
  if (bucket !== undefined && who.buckets !== null && !who.buckets.includes(bucket))
    return { allowed: false, bucket, role: who.role };
  return { allowed: true };
}

/** The roles a person may give a token: theirs and the ones below. */
export const rolesUpTo = (role: Role): Role[] => ROLE_ORDER.slice(0, ROLE_ORDER.indexOf(role) + 1);
