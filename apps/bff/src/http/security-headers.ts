import type { MiddlewareHandler } from "hono";

/**
 * Security headers on every response, API and SPA alike. The CSP allows no inline script and no inline
 * style but three: the Vite build emits only external files, and previews are `blob:`/`data:` images.
 * The three are CodeMirror's own base stylesheets (the content editor, decision 021), which it injects as
 * `<style>` elements; they are allowed by their SHA-256, so an upgrade that changes them shows up as a
 * CSP error in the browser tests (whose console-error guard fails on it), never as a silent hole. style-mod
 * writes every mounted style module into one element, so a new extension changes the hash too; the web's
 * `styles/editor/code/csp.test.tsx` mounts the real editor and fails, naming the hash to add here, before
 * a browser runs. (`47DEQ…` is the SHA-256 of the empty text.)
 * Inline style *attributes* are allowed (`style-src-attr`): CodeMirror sets a few with `setAttribute`
 * (`style="min-height: …"`, tooltip positions); an attribute cannot load anything, and injecting one would
 * need an HTML injection the script policy already defeats.
 */
const CODEMIRROR_STYLE_HASHES = [
  "VKonCaIC5Vet08F8o6etyoUddvlCt173Jt4m17cWUz8=",
  "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
  "576wC/893Z2VjN6ftotWrgC3lanZmqRi/huYewvD7iI=",
];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${CODEMIRROR_STYLE_HASHES.map((h) => `'sha256-${h}'`).join(" ")}`,
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  c.header("X-Content-Type-Options", "nosniff");
  // same-origin, not no-referrer: under no-referrer a same-origin POST carries `Origin: null`, and a
  // browser that sends no Sec-Fetch-Site (plain http on a LAN address) would then fail the CSRF origin
  // check on uploads (XHR cannot set a per-request policy). Nothing leaks to another origin either way.
  c.header("Referrer-Policy", "same-origin");
  c.header("X-Frame-Options", "DENY");
  c.header("Cross-Origin-Opener-Policy", "same-origin");
  // Session and style data must never sit in a shared cache. A route that answers `private` on purpose
  // (previews: the browser may keep them and revalidate by ETag) keeps its own policy.
  const own = c.res.headers.get("Cache-Control") ?? "";
  if (c.req.path.startsWith("/api/") && !/^private\b/.test(own)) c.header("Cache-Control", "no-store");
};
