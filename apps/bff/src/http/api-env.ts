import type { IncomingMessage } from "node:http";
import type { SessionDto } from "@style-console/contract/dto";

/** Hono's environment for the API: who is signed in, once the session middleware has run. */
export interface ApiEnv {
  Bindings: { incoming?: IncomingMessage };
  Variables: { auth: SessionDto & { sessionId: string | null } };
}
