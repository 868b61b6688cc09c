import { describe, expect, it } from "vitest";
import { OssError } from "./errors.ts";
import { queryUnescape } from "./objects.ts";

// encoding-type=url is undone as the Go SDK v2 does (`url.QueryUnescape` of every name).
describe("queryUnescape", () => {
  it.each([
    ["x%252Fy.txt", "x%2Fy.txt"],
    ["a+b%2Bc%20d", "a b+c d"],
    ["ctl%01.txt", "ctl\u0001.txt"],
    ["%E5%9B%BE.txt", "图.txt"],
  ])("%s → %j", (wire, key) => expect(queryUnescape(wire, "Key")).toBe(key));

  it("refuses a malformed escape as a bad response instead of guessing", () => {
    expect(() => queryUnescape("a%zz", "Contents[0]><Key")).toThrow(OssError);
    expect(() => queryUnescape("%E5%9B", "Key")).toThrow(/not valid URL encoding/);
  });
});
