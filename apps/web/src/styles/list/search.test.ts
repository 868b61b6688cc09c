import { describe, expect, it } from "vitest";
import { parseListSearch } from "./search.ts";

describe("parseListSearch", () => {
  it("keeps what it knows", () => {
    expect(parseListSearch({ q: "thumb", sort: "modified", category: "video" })).toEqual({
      q: "thumb",
      sort: "modified",
      category: "video",
    });
  });

  it("leaves defaults and blanks out of the URL state", () => {
    expect(parseListSearch({ q: "", sort: "name" })).toEqual({});
  });

  it("drops unknown or malformed values instead of failing", () => {
    expect(parseListSearch({ sort: "size", category: ["image"], q: { a: 1 }, extra: 1 })).toEqual({});
  });

  it("reads a number the router parsed from ?q=42 back as text", () => {
    expect(parseListSearch({ q: 42 })).toEqual({ q: "42" });
  });

  it("keeps the unused filter as true whether the router wrote it as JSON or a person typed it", () => {
    expect(parseListSearch({ unused: true })).toEqual({ unused: true });
    expect(parseListSearch({ unused: "true" })).toEqual({ unused: true });
    expect(parseListSearch({ unused: "1" })).toEqual({ unused: true });
    expect(parseListSearch({ unused: false })).toEqual({});
    expect(parseListSearch({ unused: "yes" })).toEqual({});
  });
});
