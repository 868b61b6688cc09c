import { describe, expect, it } from "vitest";
import { underlineRuns } from "./underline.ts";

describe("underlineRuns", () => {
  it("returns the text as one plain run without issues", () => {
    expect(underlineRuns("image/resize,w_1", [])).toEqual([{ kind: "plain", text: "image/resize,w_1" }]);
  });

  it("underlines exactly the characters of the issue", () => {
    const text = "image/resize,w_abc";
    expect(underlineRuns(text, [{ offset: 15, length: 3 }])).toEqual([
      { kind: "plain", text: "image/resize,w_" },
      { kind: "error", text: "abc", issue: 0 },
    ]);
  });

  it("keeps the text intact: the runs join back to the input", () => {
    const text = "image/resize,x_1/blur,r_999";
    const runs = underlineRuns(text, [
      { offset: 13, length: 3 },
      { offset: 22, length: 5 },
    ]);
    expect(runs.map((r) => (r.kind === "caret" ? "" : r.text)).join("")).toBe(text);
    expect(runs.filter((r) => r.kind === "error").map((r) => r.kind === "error" && r.text)).toEqual([
      "x_1",
      "r_999",
    ]);
  });

  it("marks a zero-length issue with a caret at its position, even at the end", () => {
    expect(underlineRuns("image/resize,", [{ offset: 13, length: 0 }])).toEqual([
      { kind: "plain", text: "image/resize," },
      { kind: "caret", issue: 0 },
    ]);
  });

  it("clamps offsets outside the text instead of throwing", () => {
    expect(underlineRuns("abc", [{ offset: 10, length: 5 }])).toEqual([
      { kind: "plain", text: "abc" },
      { kind: "caret", issue: 0 },
    ]);
    expect(underlineRuns("abc", [{ offset: -4, length: 6 }])).toEqual([
      { kind: "error", text: "abc", issue: 0 },
    ]);
  });

  it("gives overlapping characters to the first issue", () => {
    expect(
      underlineRuns("abcdef", [
        { offset: 1, length: 3 },
        { offset: 2, length: 3 },
      ]),
    ).toEqual([
      { kind: "plain", text: "a" },
      { kind: "error", text: "bcd", issue: 0 },
      { kind: "error", text: "e", issue: 1 },
      { kind: "plain", text: "f" },
    ]);
  });
});
