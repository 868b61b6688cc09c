/**
 * The console's own rule for usernames (not OSS's): 2–64 of `a–z 0–9 . _ @ -`, starting with a letter or
 * digit, so an email address works. Compared and stored lower-case, without surrounding spaces.
 */

/** Shortest and longest username, in characters. */
export const USERNAME_MIN = 2;
export const USERNAME_MAX = 64;

const USERNAME = /^[a-z0-9][a-z0-9._@-]*$/;
const NOT_USERNAME_CHARS = /[^a-z0-9._@-]+/g;

/** What {@link isUsername} expects, for error messages. */
export const USERNAME_EXPECTED = "2–64 of a–z 0–9 . _ @ -, starting with a letter or digit";

/**
 * The form a username is stored and compared in: trimmed, lower-case.
 * @example
 * normalizeUsername("  Ada@Example.com "); // "ada@example.com"
 */
export const normalizeUsername = (input: string): string => input.trim().toLowerCase();

/**
 * Whether `name` (already normalized) is a valid username.
 * @example
 * isUsername("ada@example.com"); // true
 * isUsername("-ada"); // false (must start with a letter or digit)
 */
export function isUsername(name: string): boolean {
  return name.length >= USERNAME_MIN && name.length <= USERNAME_MAX && USERNAME.test(name);
}

/**
 * A username candidate made from anything (what a single sign-on provider calls the person): lower-case,
 * runs of other characters as `-`, leading non-alphanumerics dropped, at most `maxLength` characters;
 * `fallback` when nothing is left. Check the result (and its suffixed variants) with {@link isUsername}.
 * @example
 * usernameFrom("Ada Lovelace"); // "ada-lovelace"
 */
export function usernameFrom(input: string, fallback = "user", maxLength = USERNAME_MAX): string {
  const base = input
    .toLowerCase()
    .replace(NOT_USERNAME_CHARS, "-")
    .replace(/^[^a-z0-9]+/, "")
    .slice(0, maxLength);
  return base || fallback;
}
