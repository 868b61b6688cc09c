import { describe, expect, it } from "vitest";
import { noneMatch } from "./conditional.ts";

describe("noneMatch (If-None-Match, RFC 9110 §13.1.2)", () => {
  it.each([
    [undefined, false],
    ['"abc"', true],
    ['"x", "abc"', true],
    [' "x" ,"abc" ', true],
    ['W/"abc"', true],
    ["*", true],
    ['"abcd"', false],
    ['"x", "y"', false],
    ["", false],
  ])('%j names "abc": %s', (header, expected) => {
    expect(noneMatch(header, '"abc"')).toBe(expected);
  });
});
