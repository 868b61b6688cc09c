import { describe, expect, it } from "vitest";
import { checkStyleName } from "./style-name.ts";

describe("checkStyleName", () => {
  it.each(["a", "thumb_200", "web.v2", "A-b_c.d9", "x".repeat(63)])("accepts %s", (name) => {
    expect(checkStyleName(name)).toBeNull();
  });

  it.each([
    ["", { code: "empty" }],
    ["x".repeat(64), { code: "tooLong", length: 64 }],
    ["a/b", { code: "badChar", char: "/", offset: 1 }],
    ["has space", { code: "badChar", char: " ", offset: 3 }],
    ["缩略图", { code: "badChar", char: "缩", offset: 0 }],
    ["ok😀", { code: "badChar", char: "😀", offset: 2 }],
  ] as const)("rejects %j", (name, problem) => {
    expect(checkStyleName(name)).toEqual(problem);
  });

  it("reports a bad character before the length, since that is what the operator must fix first", () => {
    expect(checkStyleName(`${"x".repeat(70)}/`)).toEqual({ code: "badChar", char: "/", offset: 70 });
  });
});
