import { describe, expect, it } from "vitest";
import { draftSearch } from "./search.ts";

describe("draftSearch", () => {
  it.each([
    [{ draft: "7" }, { draft: 7 }],
    [{ draft: 12 }, { draft: 12 }],
    [{ draft: "0" }, {}],
    [{ draft: "-3" }, {}],
    [{ draft: "1.5" }, {}],
    [{ draft: "x" }, {}],
    [{}, {}],
  ])("reads %j as %j", (search, expected) => {
    expect(draftSearch(search)).toEqual(expected);
  });
});
