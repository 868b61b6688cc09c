import { describe, expect, it } from "vitest";
import { diffContent, hasChanges } from "./content-diff.ts";

describe("diffContent", () => {
  it("marks an unchanged chain as the same, part by part", () => {
    const d = diffContent("image/resize,w_200/quality,q_90", "image/resize,w_200/quality,q_90");
    expect(d).toEqual([
      { kind: "same", text: "image" },
      { kind: "same", text: "resize,w_200" },
      { kind: "same", text: "quality,q_90" },
    ]);
    expect(hasChanges(d)).toBe(false);
  });

  it("shows a parameter edit as one changed operation", () => {
    expect(diffContent("image/resize,w_200/quality,q_90", "image/resize,w_200/quality,q_80")).toEqual([
      { kind: "same", text: "image" },
      { kind: "same", text: "resize,w_200" },
      { kind: "changed", before: "quality,q_90", after: "quality,q_80" },
    ]);
  });

  it("shows added and removed operations in chain order", () => {
    const d = diffContent("image/resize,w_200/format,png", "image/crop,w_10/resize,w_200/quality,q_90");
    expect(d).toEqual([
      { kind: "same", text: "image" },
      { kind: "added", text: "crop,w_10" },
      { kind: "same", text: "resize,w_200" },
      { kind: "removed", text: "format,png" },
      { kind: "added", text: "quality,q_90" },
    ]);
    expect(hasChanges(d)).toBe(true);
  });

  it("handles empty sides", () => {
    expect(diffContent("", "image/resize,w_1")).toEqual([
      { kind: "added", text: "image" },
      { kind: "added", text: "resize,w_1" },
    ]);
    expect(diffContent("image", "")).toEqual([{ kind: "removed", text: "image" }]);
    expect(diffContent("", "")).toEqual([]);
  });

  it("rebuilds both sides from the entries", () => {
    const before = "image/auto-orient,1/resize,m_fill,w_64,h_64/circle,r_32/format,png";
    const after = "image/resize,m_fill,w_96,h_96/circle,r_48/format,webp/quality,q_80";
    const d = diffContent(before, after);
    const old = d.flatMap((e) =>
      e.kind === "same" || e.kind === "removed" ? [e.text] : e.kind === "changed" ? [e.before] : [],
    );
    const neu = d.flatMap((e) =>
      e.kind === "same" || e.kind === "added" ? [e.text] : e.kind === "changed" ? [e.after] : [],
    );
    expect(old.join("/")).toBe(before);
    expect(neu.join("/")).toBe(after);
  });
});
