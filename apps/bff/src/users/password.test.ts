import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyNothing, verifyPassword } from "./password.ts";

describe("passwordProblem (NIST SP 800-63B: length, blocklist, no composition rules)", () => {
  const cases: Array<[string, string, ReturnType<typeof passwordProblem>]> = [
    ["short1!", "ada", "tooShort"],
    ["x".repeat(257) + "yz", "ada", "tooLong"],
    ["password123", "ada", "common"],
    ["Qwertyuiop", "ada", "common"],
    ["my style console pw", "ada", "common"],
    ["lovelace-ada-1815", "lovelace", "containsUsername"],
    ["aaaaaaaaaaaa", "ada", "repetitive"],
    ["abababababab", "ada", "repetitive"],
    // No composition rules: all lower case letters and spaces is fine when long and uncommon.
    ["correct horse battery staple", "ada", null],
    ["密码是一句很长的中文话", "ada", null],
  ];
  it.each(cases)("%s (user %s) → %s", (password, username, expected) => {
    expect(passwordProblem(password, username)).toBe(expected);
  });

  it("counts code points, not UTF-16 units, and normalizes with NFKC", () => {
    expect(passwordProblem("😀😀😀😀😀🙂🙂🙂🙂", "ada")).toBe("tooShort");
    // Full-width letters normalize to ASCII, so the blocklist still sees "password123".
    expect(passwordProblem("ｐａｓｓｗｏｒｄ１２３", "ada")).toBe("common");
  });
});

describe("argon2id hashing", () => {
  it("hashes with argon2id, salted, and verifies only the same password", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
    expect(await verifyPassword(a, "correct horse battery")).toBe(true);
    expect(await verifyPassword(a, "correct horse batterz")).toBe(false);
  });

  it("treats a malformed stored hash as a mismatch, and the decoy as never matching", async () => {
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
    expect(await verifyNothing("decoy password that matches nothing")).toBe(false);
  });
});
