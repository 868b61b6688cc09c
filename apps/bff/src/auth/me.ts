import type { Context } from "hono";
import { HttpError } from "../http/error.ts";
import type { Principal } from "../users/principal.ts";

/**
 * The signed-in caller, in a route the access table does not leave public (where `authorize` has
 * already refused anyone signed out; the throw only guards against a rule saying `public` by mistake).
 */
export function me(c: { var: { principal: Principal | null } }): Principal {
  const principal = c.var.principal;
  if (!principal) throw new HttpError("Unauthenticated", "Sign in first: this needs a signed-in account.");
  return principal;
}

/**
 * Whose data a route about sessions or tokens shows: the caller's own by default; another account's
 * (or `all`) only for an admin.
 */
export function ownerScope(caller: Principal, userId: string | undefined): string | undefined {
  if (userId === undefined || userId === caller.id) return caller.id;
  if (caller.role !== "admin")
    throw new HttpError("Forbidden", "Only an admin sees another person's sessions and tokens.", {
      details: { need: "admin", role: caller.role },
    });
  return userId === "all" ? undefined : userId;
}

/** The console's own origin, for links handed to people (`<origin>/#invite=…`). */
export const originOf = (c: Context) => new URL(c.req.url).origin;
