import { describe, expect, it } from "vitest";
import { underlineRuns } from "../../lib/underline.ts";
import { classify, piecesOf } from "./highlight.ts";

describe("classify", () => {
  it("tells kind, action, key, value and separators apart", () => {
    const text = "image/resize,w_20";
    const classes = classify(text);
    const at = (s: string) => classes[text.indexOf(s)];
    expect(at("image")).toBe("kind");
    expect(at("resize")).toBe("action");
    expect(at("w_")).toBe("key");
    expect(at("20")).toBe("value");
    expect(at("/")).toBe("punct");
    expect(at(",")).toBe("punct");
    expect(classes).toHaveLength(text.length);
  });
});

describe("piecesOf", () => {
  it("keeps the text and the error ownership while splitting by class", () => {
    const text = "image/resize,w_abc";
    const pieces = piecesOf(underlineRuns(text, [{ offset: 13, length: 5 }]), classify(text));
    expect(pieces.map((p) => ("text" in p ? p.text : "")).join("")).toBe(text);
    const errored = pieces
      .filter((p) => "text" in p && p.issue === 0)
      .map((p) => ("text" in p ? p.text : ""));
    expect(errored.join("")).toBe("w_abc");
  });
});
