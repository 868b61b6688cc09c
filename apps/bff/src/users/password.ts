import { hash, verify } from "@node-rs/argon2";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
} from "@style-console/contract/people";
import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Passwords: argon2id hashes (OWASP's Password Storage Cheat Sheet parameters: m = 19 MiB, t = 2, p = 1)
 * and the NIST SP 800-63B §5.1.1.2 policy: at least 8 characters (we ask for 10), at most 256 accepted,
 * any characters (Unicode normalized with NFKC, §5.1.1.2), no composition rules, and not a commonly
 * used or expected one (a blocklist of ~49,000 leaked passwords, the username, the product's name).
 */

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem };

// `algorithm: 2` is Argon2id (the package exports it as a const enum, which isolated modules cannot read).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const common = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
const productWords = ["styleconsole", "style-console", "style console", "stylesconsole"];

const normalize = (password: string) => password.normalize("NFKC");

/**
 * The policy's verdict on a new password, or null when it is fine. Length counts Unicode code points.
 * @example
 * passwordProblem("password123", "ada"); // "common"
 * passwordProblem("correct horse battery", "ada"); // null
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const value = normalize(password);
  const length = [...value].length;
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = value.toLowerCase();
  if (common.has(lower) || productWords.some((w) => lower.includes(w))) return "common";
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return "containsUsername";
  // "aaaaaaaaaa", "abababab…": one or two characters repeated is not a secret (SP 800-63B's "repetitive").
  if (new Set(lower).size <= 2) return "repetitive";
  return null;
}

/** English text for each problem (the SPA shows its own translation by code). */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  tooShort: `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
  tooLong: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
  common: "That password is on a list of commonly used or leaked ones; choose another.",
  containsUsername: "The password must not contain the username.",
  repetitive: "The password repeats one or two characters; choose another.",
};

/**
 * An argon2id hash in PHC string form (`$argon2id$v=19$m=19456,t=2,p=1$…`), salted.
 * @example
 * await hashPassword("correct horse battery"); // "$argon2id$v=19$…"
 */
export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), ARGON2);
}

/**
 * Whether `password` matches the PHC `stored` hash; false (never a throw) for a malformed hash.
 * @example
 * await verifyPassword(await hashPassword("pw pw pw pw"), "pw pw pw pw"); // true
 */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, normalize(password));
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist makes "no such user" take as long as "wrong
// password", so timing does not tell which usernames exist.
let decoy: Promise<string> | undefined;

/** Spends the time of one verification, for a username that has no password. Always false. */
export async function verifyNothing(password: string): Promise<false> {
  decoy ??= hashPassword("decoy password that matches nothing");
  await verifyPassword(await decoy, password);
  return false;
}
