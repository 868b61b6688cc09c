import type { IncomingMessage } from "node:http";
import type { Principal } from "../users/principal.ts";

/**
 * Hono's environment for the API: who is calling (`principal`, null when nobody is signed in), set by
 * `auth/auth-service.ts`'s `identify` before any route runs.
 */
export interface ApiEnv {
  Bindings: { incoming?: IncomingMessage };
  Variables: { principal: Principal | null };
}
