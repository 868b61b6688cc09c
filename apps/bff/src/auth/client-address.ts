import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The client's address for throttling and the sessions list.
 *
 * `trustedProxies` is how many reverse proxies (`TRUST_PROXY`) stand between the client and us, each
 * appending the address it received from to `X-Forwarded-For`. With 0 the socket's address is the
 * client: the header is ignored, since anyone can send it. With N, the chain is the header's entries
 * followed by the socket's address, and the client is the one N places from its right end: entries
 * further left were written by the client itself and cannot be trusted (MDN, X-Forwarded-For,
 * "Selecting an IP address").
 * @example
 * // TRUST_PROXY=1, socket 10.0.0.2 (the proxy), X-Forwarded-For: "6.6.6.6, 203.0.113.7"
 * clientAddress(c, 1); // "203.0.113.7": 6.6.6.6 was made up by the client
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  const socket = socketAddress(c);
  if (trustedProxies <= 0) return socket;
  const forwarded = (c.req.header("X-Forwarded-For") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? socket;
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
