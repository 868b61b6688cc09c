import { describe, expect, it } from "vitest";
import { splitTicks, stripTicks } from "./ticks.ts";

describe("splitTicks", () => {
  it("marks the code between backticks", () => {
    expect(splitTicks("`w` of `resize` must be a number, got `abc`")).toEqual([
      { code: true, text: "w" },
      { code: false, text: " of " },
      { code: true, text: "resize" },
      { code: false, text: " must be a number, got " },
      { code: true, text: "abc" },
    ]);
  });

  it("never leaves a backtick, paired or not", () => {
    expect(stripTicks("a `b` c ` d")).toBe("a b c  d");
    expect(stripTicks("plain")).toBe("plain");
  });
});
