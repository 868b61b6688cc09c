import type { IncomingMessage } from "node:http";
import type { SessionDto } from "@style-console/contract/dto";
import type { Principal } from "../session/principal.ts";

/** Hono's environment for the API: who is signed in, once the session middleware has run. */
export interface ApiEnv {
  Bindings: { incoming?: IncomingMessage };
  /** `auth.principal` is who acts (for permissions and the audit log); the rest is what `GET /api/session` shows. */
  Variables: { auth: SessionDto & { sessionId: string | null; principal: Principal } };
}
