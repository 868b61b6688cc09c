import { describe, expect, it } from "vitest";
import { checkStyleContent } from "./style-content.ts";
import { STYLE_NAME_MAX, styleNameIssues } from "./style-name.ts";

describe("styleNameIssues (OSS: 1–63 of A–Z a–z 0–9 _ . -)", () => {
  it.each(["a", "thumb_200", "web.v2", "A-b_c.d", "x".repeat(STYLE_NAME_MAX)])("accepts %s", (name) => {
    expect(styleNameIssues(name)).toEqual([]);
  });

  it.each([
    ["", [{ code: "Empty", offset: 0, length: 0 }]],
    ["x".repeat(64), [{ code: "TooLong", offset: 63, length: 1 }]],
    ["a/b", [{ code: "InvalidCharacter", offset: 1, length: 1 }]],
    [
      "héllo wörld",
      [
        { code: "InvalidCharacter", offset: 1 },
        { code: "InvalidCharacter", offset: 5 },
        { code: "InvalidCharacter", offset: 7 },
      ],
    ],
  ])("refuses %j with positions", (name, expected) => {
    expect(styleNameIssues(name)).toMatchObject(expected);
  });
});

describe("checkStyleContent", () => {
  it("flags each character OSS forbids, at its position", () => {
    const result = checkStyleContent("image/resize,w_1;'");
    expect(result.ok).toBe(false);
    expect(result.errors.filter((e) => e.code === "ForbiddenCharacter")).toMatchObject([
      { offset: 16 },
      { offset: 17 },
    ]);
  });

  it("refuses empty content", () => {
    expect(checkStyleContent("")).toMatchObject({ ok: false, operations: [] });
  });

  it("keeps only code, message, offset and length in each issue", () => {
    const [issue] = checkStyleContent("image/resize,w_abc").errors;
    expect(Object.keys(issue ?? {}).sort()).toEqual(["code", "length", "message", "offset"]);
  });
});
