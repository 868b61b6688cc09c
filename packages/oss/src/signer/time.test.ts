import { describe, expect, it } from "vitest";
import { isoBasic, parseIsoBasic, rfc1123 } from "./time.ts";

describe("time formats", () => {
  it("formats one instant both ways, dropping milliseconds", () => {
    const d = new Date(1702743657018);
    expect(isoBasic(d)).toBe("20231216T162057Z");
    expect(rfc1123(d)).toBe("Sat, 16 Dec 2023 16:20:57 GMT");
  });

  it.each([
    ["20231216T162057Z", 1702743657000],
    ["2023-12-16T16:20:57Z", undefined],
    ["20231332T000000Z", undefined],
    ["20231216T246000Z", undefined],
    ["20231216", undefined],
  ])("parses %s", (text, ms) => {
    expect(parseIsoBasic(text)?.getTime()).toBe(ms);
  });
});
