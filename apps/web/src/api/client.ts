import type { AppType } from "@style-console/bff";
import { hc } from "hono/client";

/**
 * The BFF's typed client: routes, bodies and responses come from the server's own types.
 * Every request carries the custom header the BFF's CSRF defence asks of browser sessions: a cross-site
 * form or `fetch` without CORS cannot set it, so a forged mutation is refused.
 */
export const api = hc<AppType>("/api", {
  headers: { "X-Requested-With": "style-console" },
  // The BFF answers with `Referrer-Policy: no-referrer`, under which a POST's Origin is "null"; this
  // keeps the real Origin on same-origin requests for the BFF's origin check where Sec-Fetch-Site is absent.
  init: { referrerPolicy: "same-origin" },
});
