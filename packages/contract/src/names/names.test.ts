import { describe, expect, it } from "vitest";
import {
  bucketNameIssues,
  forbiddenContentCharacters,
  fromPathSegment,
  isUsername,
  normalizeUsername,
  objectKeyIssues,
  parseRegion,
  pathSegment,
  STYLE_NAME_MAX,
  styleNameIssues,
  usernameFrom,
} from "./index.ts";

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe("styleNameIssues (OSS: 1–63 of A–Z a–z 0–9 _ . -)", () => {
  it.each(["a", "thumb_200", "web.v2", "A-b_c.d", ".", "..", "x".repeat(STYLE_NAME_MAX)])(
    "accepts %j",
    (name) => {
      expect(styleNameIssues(name)).toEqual([]);
    },
  );

  it.each([
    ["", [{ code: "Empty", offset: 0, length: 0 }]],
    ["x".repeat(64), [{ code: "TooLong", offset: 63, length: 1, max: 63, actual: 64 }]],
    ["a/b", [{ code: "InvalidCharacter", char: "/", offset: 1, length: 1 }]],
    [
      "héllo wörld",
      [
        { code: "InvalidCharacter", offset: 1 },
        { code: "InvalidCharacter", offset: 5 },
        { code: "InvalidCharacter", offset: 7 },
      ],
    ],
    // An astral character is one issue of two code units at its real offset (the SPA's and the BFF's old
    // copies disagreed here).
    ["a😀b", [{ code: "InvalidCharacter", char: "😀", offset: 1, length: 2 }]],
  ])("refuses %j with positions", (name, expected) => {
    expect(styleNameIssues(name)).toMatchObject(expected);
  });
});

describe("bucketNameIssues (OSS: 3–63 of a–z 0–9 -, a letter or digit at both ends)", () => {
  it.each(["abc", "photos-2026", "0ab", "a".repeat(63)])("accepts %j", (name) => {
    expect(bucketNameIssues(name)).toEqual([]);
  });
  it.each([
    ["", ["Empty"]],
    ["ab", ["TooShort"]],
    ["a".repeat(64), ["TooLong"]],
    ["Photos", ["InvalidCharacter"]],
    ["-ab", ["InvalidEdge"]],
    ["ab-", ["InvalidEdge"]],
    ["a.b", ["InvalidCharacter"]],
  ])("refuses %j", (name, expected) => {
    expect(codes(bucketNameIssues(name))).toEqual(expected);
  });
});

describe("parseRegion (one rule: the region ID, or its oss- form read as the same region)", () => {
  it.each([
    ["cn-hangzhou", "cn-hangzhou"],
    ["oss-cn-hangzhou", "cn-hangzhou"],
    ["ap-southeast-1", "ap-southeast-1"],
    ["cn-hangzhou-finance", "cn-hangzhou-finance"],
  ])("reads %j as %j", (input, id) => {
    expect(parseRegion(input)).toBe(id);
  });
  it.each([
    "",
    "oss-",
    "CN-Hangzhou",
    "cn_hangzhou",
    "cn--hangzhou",
    "-cn",
    "oss-oss-cn-hangzhou",
    "cn hangzhou",
  ])("refuses %j", (input) => {
    expect(parseRegion(input)).toBeUndefined();
  });
});

describe("objectKeyIssues (OSS: 1–1023 UTF-8 bytes, no leading / or \\; no dot segment)", () => {
  it.each(["a", "photos/cat.jpg", "a/.b/c..", "...", "图标.jpg", "x".repeat(1023)])("accepts %j", (key) => {
    expect(objectKeyIssues(key)).toEqual([]);
  });
  it.each([
    ["", [{ code: "Empty" }]],
    ["x".repeat(1024), [{ code: "TooLong", actual: 1024 }]],
    ["图".repeat(342), [{ code: "TooLong", actual: 1026 }]],
    ["/a", [{ code: "LeadingSlash", offset: 0 }]],
    ["\\a", [{ code: "LeadingSlash", offset: 0 }]],
    ["a/../b", [{ code: "DotSegment", offset: 2, length: 2 }]],
    [".", [{ code: "DotSegment", offset: 0, length: 1 }]],
    ["a/.", [{ code: "DotSegment", offset: 2, length: 1 }]],
  ])("refuses %j", (key, expected) => {
    expect(objectKeyIssues(key)).toMatchObject(expected);
  });
});

describe("forbiddenContentCharacters (EC 0017-00000253)", () => {
  it("flags each forbidden or control character at its position", () => {
    expect(forbiddenContentCharacters("image/resize,w_1;'\n")).toMatchObject([
      { code: "ForbiddenCharacter", offset: 16 },
      { code: "ForbiddenCharacter", offset: 17 },
      { code: "ForbiddenCharacter", offset: 18 },
    ]);
    expect(forbiddenContentCharacters("image/resize,w_100")).toEqual([]);
  });
});

describe("pathSegment / fromPathSegment", () => {
  it.each([
    ["thumb", "thumb"],
    [".", "~."],
    ["..", "~.."],
    ["...", "..."],
    ["a b/c", "a%20b%2Fc"],
  ])("writes %j as %j and reads it back", (value, segment) => {
    expect(pathSegment(value)).toBe(segment);
    expect(fromPathSegment(decodeURIComponent(segment))).toBe(value);
  });
});

describe("usernames (the console's rule)", () => {
  it.each([
    ["ada", true],
    ["ada.lovelace@example.com", true],
    ["a1", true],
    ["a", false],
    ["-ada", false],
    ["Ada", false],
    ["ada lovelace", false],
    ["a".repeat(64), true],
    ["a".repeat(65), false],
  ])("%j → %s", (name, ok) => {
    expect(isUsername(name)).toBe(ok);
  });

  it("normalizes before checking, and makes a candidate from a provider's name", () => {
    expect(normalizeUsername("  Ada@Example.COM ")).toBe("ada@example.com");
    expect(usernameFrom("Ada Lovelace!")).toBe("ada-lovelace-");
    expect(usernameFrom("  ---  ", "sso-user")).toBe("sso-user");
    expect(usernameFrom("x".repeat(80), "u", 56)).toHaveLength(56);
  });
});
