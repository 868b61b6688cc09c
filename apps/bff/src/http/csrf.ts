import { CSRF_HEADER, CSRF_HEADER_VALUE } from "@style-console/contract/preview";
import type { MiddlewareHandler } from "hono";
import type { ApiEnv } from "./api-env.ts";
import { HttpError } from "./error.ts";

export { CSRF_HEADER, CSRF_HEADER_VALUE };

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie sessions (SameSite=Strict is the first line; this is the second).
 *
 * A mutating request (anything but GET/HEAD/OPTIONS) that relies on the cookie must:
 *  1. carry `X-Requested-With: style-console`. A cross-site page cannot add a custom header without a
 *     CORS preflight, which this server never grants; and
 *  2. come from this origin: `Sec-Fetch-Site: same-origin` when the browser sends it (it cannot be forged
 *     by a page), else an `Origin` (or, failing that, `Referer`) whose scheme and host equal this request's.
 *
 * The pages are served with `Referrer-Policy: same-origin`, so a same-origin POST (fetch or XHR)
 * carries its real Origin where `Sec-Fetch-Site` is absent (plain http on a non-loopback host); under
 * `no-referrer` it would be `Origin: null` and fail check 2.
 *
 * Bearer requests skip this: a browser never attaches a bearer token by itself. `POST /api/session`
 * (sign-in) gets the same check, against login CSRF.
 */
export const csrfGuard: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const bearer = c.req.header("Authorization") !== undefined;
  if (!safeMethods.has(c.req.method) && !bearer) {
    if (c.req.header(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
      throw new HttpError(
        "CsrfRejected",
        `Mutating requests must carry ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}.`,
      );
    }
    // The URL's origin is the scheme of the socket (https on a TLS socket) and the Host header, as
    // @hono/node-server builds it (and as in-process tests set it).
    if (
      !sameOrigin(
        new URL(c.req.url).origin,
        c.req.header("Sec-Fetch-Site"),
        c.req.header("Origin"),
        c.req.header("Referer"),
      )
    ) {
      throw new HttpError("CsrfRejected", "This request does not come from the console's own origin.");
    }
  }
  await next();
};

// Scheme, host and port, as the browser's same-origin rule: `http://console` posting to
// `https://console` is another origin (a page on plain http could be anyone's on the network).
function sameOrigin(own: string, fetchSite?: string, origin?: string, referer?: string): boolean {
  if (fetchSite !== undefined) return fetchSite === "same-origin";
  const source = origin !== undefined && origin !== "null" ? origin : referer;
  if (source === undefined) return false;
  try {
    return new URL(source).origin === own;
  } catch {
    return false;
  }
}
