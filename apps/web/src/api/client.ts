import type { AppType } from "@style-console/bff";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "@style-console/contract/preview";
import { hc } from "hono/client";

/**
 * The BFF's typed client: routes, bodies and responses come from the server's own types.
 * Every request carries the custom header the BFF's CSRF defence asks of browser sessions: a cross-site
 * form or `fetch` without CORS cannot set it, so a forged mutation is refused.
 */
export const api = hc<AppType>("/api", {
  headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
});
