import { describe, expect, it } from "vitest";
import { filterRows, parseFleetSearch } from "./search.ts";

describe("fleet search", () => {
  it("reads the URL leniently", () => {
    expect(parseFleetSearch({ reference: "a", drift: "true", q: "th" })).toEqual({
      reference: "a",
      drift: true,
      q: "th",
    });
    expect(parseFleetSearch({ reference: 3, drift: "yes", q: "" })).toEqual({});
  });
  it("filters by drift and by name, case-insensitively", () => {
    const rows = [
      { name: "Thumb", drift: true },
      { name: "thumb-small", drift: false },
      { name: "banner", drift: true },
    ];
    expect(filterRows(rows, { q: "THUMB" }).map((r) => r.name)).toEqual(["Thumb", "thumb-small"]);
    expect(filterRows(rows, { drift: true }).map((r) => r.name)).toEqual(["Thumb", "banner"]);
    expect(filterRows(rows, { drift: true, q: "thumb" }).map((r) => r.name)).toEqual(["Thumb"]);
  });
});
