import { describe, expect, it } from "vitest";
import { suggest } from "./complete.ts";

const labels = (text: string, pos = text.length) => suggest(text, pos)?.options.map((o) => o.label) ?? null;

describe("suggest", () => {
  it("offers the kind at the start and the actions after image/", () => {
    expect(labels("im")).toEqual(["image/"]);
    const actions = labels("image/");
    expect(actions).toContain("resize");
    expect(actions).toContain("watermark");
    expect(suggest("image/re", 8)?.from).toBe(6);
  });

  it("offers an action's parameters with their range, leaving out those already written", () => {
    const result = suggest("image/resize,w_100,", 19);
    const names = result?.options.map((o) => o.label);
    expect(names).toContain("h");
    expect(names).not.toContain("w");
    expect(names).not.toContain("P"); // only inside a watermark image's own processing
    const h = result?.options.find((o) => o.label === "h");
    expect(h).toMatchObject({ apply: "h_", detail: "1–16384" });
  });

  it("offers enumerated values after key_ and after a bare action", () => {
    expect(labels("image/resize,m_")).toEqual(["lfit", "mfit", "fill", "pad", "fixed"]);
    expect(labels("image/format,")).toContain("webp");
    expect(labels("image/resize,w_")).toBeNull();
    expect(labels("image/nosuch,")).toBeNull();
  });
});
