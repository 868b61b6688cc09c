import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { ApiEnv } from "../http/api-env.ts";
import { HttpError } from "../http/error.ts";
import type { Logger } from "../platform/logger.ts";
import { mayUseBucket } from "../users/principal.ts";
import { roleAtLeast } from "../users/roles.ts";
import { type AccessRule, NEEDS_A_BUCKET_WHEN_LIMITED } from "./rules.ts";

/**
 * The route a request will be answered by, as `METHOD /api/path` with the router's own pattern, or
 * undefined when no route matches (the API's 404). Middleware (`use`, method ALL) is not a route.
 */
export function routeKey(c: Context): string | undefined {
  const method = c.req.method === "HEAD" ? "GET" : c.req.method;
  // Only the API's own routes: the SPA's catch-all (`GET /*`, mounted on the root app) is not one.
  const route = matchedRoutes(c).find((r) => r.method === method && r.path.startsWith("/api/"));
  return route ? `${method} ${route.path}` : undefined;
}

const unauthenticated = () =>
  new HttpError("Unauthenticated", "Sign in first: this needs a signed-in account.");

/**
 * Enforces the access table on every `/api` request, after the principal is known
 * (`c.var.principal`, null when signed out):
 * - no route: signed out → 401 (nothing about the API's shape leaks), signed in → the route's 404;
 * - a route without a rule: 403 `NoAccessRule` for everyone, and an error in the log (fail closed);
 * - `public`: through; otherwise signed out → 401; a role below the rule's → 403 `Forbidden` with
 *   `details: { need, role }`; a bucket outside a limited role's → 403 `BucketNotAllowed`.
 * @example
 * api.use("*", identify, authorize(ACCESS_RULES, logger));
 */
export function authorize(
  rules: Readonly<Record<string, AccessRule>>,
  logger: Logger,
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = routeKey(c);
    const principal = c.var.principal;
    if (key === undefined) {
      if (!principal) throw unauthenticated();
      return next();
    }
    const rule = rules[key];
    if (!rule) {
      logger.error(`No access rule for ${key}: refused. Add it to auth/rules.ts.`);
      throw new HttpError("NoAccessRule", "This route has no access rule yet, so nobody may call it.");
    }
    if (rule.need === "public") return next();
    if (!principal) throw unauthenticated();
    const { role } = principal;
    if (rule.need !== "signedIn" && !roleAtLeast(role, rule.need)) {
      throw new HttpError("Forbidden", `This needs the ${rule.need} role; you act as ${role}.`, {
        details: { need: rule.need, role },
      });
    }
    if (principal.buckets !== null) {
      const buckets = rule.buckets?.(c) ?? [];
      if (buckets.length === 0 && NEEDS_A_BUCKET_WHEN_LIMITED.has(key)) {
        throw new HttpError("BucketNotAllowed", "Name a bucket: your role is limited to some buckets.", {
          details: { allowed: principal.buckets },
        });
      }
      const refused = buckets.find((bucket) => !mayUseBucket(principal, bucket));
      if (refused !== undefined) {
        throw new HttpError("BucketNotAllowed", `Your role does not cover the bucket "${refused}".`, {
          details: { bucket: refused, allowed: principal.buckets },
        });
      }
    }
    return next();
  };
}
