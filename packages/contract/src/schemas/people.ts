import { z } from "zod";
import { isUsername, normalizeUsername, USERNAME_EXPECTED } from "../names/username.ts";
import { PASSWORD_MAX_LENGTH, ROLES } from "../people/index.ts";

/**
 * Request bodies of the people routes (accounts, sign-in, invite links, tokens), one zod schema each.
 * They check shape; the password policy (the BFF's `users/password.ts`) runs after them so its verdict
 * has a stable code (`WeakPassword` with `details.problem`).
 */

const username = z
  .string({ error: "`username` must be a string" })
  .transform(normalizeUsername)
  .pipe(z.string().refine(isUsername, `\`username\`: ${USERNAME_EXPECTED}`));
const role = z.enum(ROLES, { error: "`role` must be viewer, designer, operator or admin" });
// Far above the policy's maximum: the policy says what is wrong; this only stops absurd bodies.
const password = z.string({ error: "`password` must be a string" }).max(PASSWORD_MAX_LENGTH * 4);
const displayName = z.string().trim().min(1).max(100);
const buckets = z.array(z.string().min(1).max(63)).max(100).nullable();

export const signInBody = z
  .object({
    token: z.string({ error: "`token` must be a string" }).min(1).max(1024).optional(),
    username: z.string({ error: "`username` must be a string" }).min(1).max(100).optional(),
    password: password.optional(),
  })
  .superRefine((body, ctx) => {
    const withToken = body.token !== undefined;
    const withPassword = body.username !== undefined || body.password !== undefined;
    if (withToken === withPassword || (withPassword && (!body.username || body.password === undefined))) {
      ctx.addIssue({
        code: "custom",
        path: [withPassword ? (body.username ? "password" : "username") : "token"],
        message: "Send `token`, or `username` and `password`",
      });
    }
  });

export const createUserBody = z.object({
  username,
  role,
  displayName: displayName.optional(),
  /** Without one, the answer carries an invite link. */
  password: password.optional(),
  buckets: buckets.optional(),
});

export const patchUserBody = z
  .object({
    role: role.optional(),
    displayName: displayName.optional(),
    buckets: buckets.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "Change at least one of role, displayName, buckets, disabled");

export const idParam = z.object({ id: z.string().min(1).max(100) });
const linkToken = z.string({ error: "`token` must be a string" }).min(1).max(200);
export const checkLinkBody = z.object({ token: linkToken });
export const acceptLinkBody = z.object({ token: linkToken, password });

export const changePasswordBody = z.object({
  currentPassword: password.optional(),
  newPassword: password,
});

export const createTokenBody = z.object({
  name: z.string({ error: "`name` must be a string" }).trim().min(1, "`name` is required").max(100),
  role: role.optional(),
  /** Days until the token stops working; omitted: it does not expire. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const ownerQuery = z.object({
  /** Whose sessions or tokens (admins only for another's); omitted: the caller's own; `all`: everyone's. */
  userId: z.string().min(1).max(100).optional(),
});
