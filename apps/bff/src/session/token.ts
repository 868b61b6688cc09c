import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Names a token without revealing it: the first 12 hex characters of its SHA-256. This is what the audit
 * log and `GET /api/session` show as "who".
 * @example
 * tokenId("correct horse"); // "b2a3c…" (12 hex characters)
 */
export function tokenId(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 12);
}

/**
 * Compares a presented token with the expected one in constant time. Both sides are hashed first so the
 * comparison never leaks the expected token's length either.
 * @example
 * tokensMatch("abc", "abc"); // true
 */
export function tokensMatch(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * A fresh random secret (32 bytes, base64url): admin tokens, session ids, generated access keys.
 * @example
 * randomToken(); // "q3V…" (43 characters)
 */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
