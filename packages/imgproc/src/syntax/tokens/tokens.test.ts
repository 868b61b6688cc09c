import { describe, expect, it } from "vitest";
import { tokenAt, tokenizeStyle } from "./index.ts";

const shape = (text: string) => tokenizeStyle(text).map((t) => [t.type, text.slice(t.from, t.to)]);

describe("tokenizeStyle", () => {
  it("cuts a chain into kind, actions, keys, values and separators", () => {
    expect(shape("image/resize,w_200/rotate,90")).toEqual([
      ["kind", "image"],
      ["separator", "/"],
      ["action", "resize"],
      ["separator", ","],
      ["key", "w"],
      ["separator", "_"],
      ["value", "200"],
      ["separator", "/"],
      ["action", "rotate"],
      ["separator", ","],
      ["value", "90"],
    ]);
  });

  it("marks an action the catalogue does not hold, and keeps broken input tokenised", () => {
    expect(shape("image/resise,w_")).toEqual([
      ["kind", "image"],
      ["separator", "/"],
      ["unknownAction", "resise"],
      ["separator", ","],
      ["key", "w"],
      ["separator", "_"],
    ]);
    expect(shape("")).toEqual([]);
  });

  it("names the action and parameter of keys and values", () => {
    const tokens = tokenizeStyle("image/resize,w_abc");
    expect(tokenAt(tokens, 16)).toMatchObject({ type: "value", operation: "resize", parameter: "w" });
    expect(tokenAt(tokens, 8)).toMatchObject({ type: "action", operation: "resize" });
  });

  it("keeps the underscore of a bare value inside the value", () => {
    expect(shape("image/format,web_p").at(-1)).toEqual(["value", "web_p"]);
  });
});
