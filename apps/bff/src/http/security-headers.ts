import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

// Hono's secure-headers sets the well-known set (nosniff, COOP, CORP, Origin-Agent-Cluster, X-XSS-Protection
// off, …); we choose the values below. The CSP allows no inline script or style: the Vite build emits only
// external files, and previews are `blob:`/`data:` images.
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "blob:", "data:"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  // same-origin, not no-referrer: under no-referrer a same-origin POST carries `Origin: null`, and a
  // browser that sends no Sec-Fetch-Site (plain http on a LAN address) would then fail the CSRF origin
  // check on uploads (XHR cannot set a per-request policy). Nothing leaks to another origin either way.
  referrerPolicy: "same-origin",
  xFrameOptions: "DENY",
  crossOriginOpenerPolicy: "same-origin",
  // The console is often served over plain http on a LAN address; HSTS belongs to the TLS proxy in front.
  strictTransportSecurity: false,
});

/**
 * Security headers on every response, API and SPA alike (Hono's `secure-headers`), and `no-store` on the
 * API: session and style data must never sit in a shared cache. A route that answers `private` on purpose
 * (previews: the browser may keep them and revalidate by ETag) keeps its own policy.
 */
export const securityHeaders: MiddlewareHandler = (c, next) =>
  headers(c, async () => {
    await next();
    const own = c.res.headers.get("Cache-Control") ?? "";
    if (c.req.path.startsWith("/api/") && !/^private\b/.test(own)) c.header("Cache-Control", "no-store");
  });
