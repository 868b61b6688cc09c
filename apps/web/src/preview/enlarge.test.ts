import { describe, expect, it } from "vitest";
import { allowEnlarging, keptByNoEnlarge } from "./enlarge.ts";

const portrait = { width: 450, height: 600 };

describe("keptByNoEnlarge", () => {
  it.each([
    ["image/resize,w_4000", portrait, "w_4000"],
    ["image/resize,h_601", portrait, "h_601"],
    ["image/resize,l_1000,limit_1", portrait, "l_1000"],
    ["image/resize,p_150", portrait, "p_150"],
    ["image/quality,q_80/resize,s_500", portrait, "s_500"],
    // The file is 600×450 with EXIF orientation 6; OSS turned it upright before the resize.
    ["image/resize,w_451", portrait, "w_451"],
  ] as const)("%s on 450×600 kept as it was: %s", (content, result, asked) => {
    expect(keptByNoEnlarge(content, result, portrait)).toBe(asked);
    expect(keptByNoEnlarge(content, result, { width: 600, height: 450 })).toBe(asked);
  });

  it.each([
    ["image/resize,w_4000,limit_0", portrait], // enlarging was allowed (and the size is just reported)
    ["image/resize,w_450", portrait], // asked exactly the original
    ["image/resize,w_4000", { width: 300, height: 400 }], // the result changed size
    ["image/quality,q_80", portrait], // no resize
    ["image/resize,w_abc", portrait], // not valid
    ["style/thumbnail", portrait],
  ] as const)("%s → null", (content, result) => {
    expect(keptByNoEnlarge(content, result, portrait)).toBeNull();
  });
});

describe("allowEnlarging", () => {
  it("adds limit_0 to every resize that lacks it, and leaves the rest", () => {
    expect(allowEnlarging("image/resize,w_4000/quality,q_90")).toMatch(
      /^image\/resize,[^/]*limit_0[^/]*\/quality,q_90$/,
    );
    expect(allowEnlarging("image/resize,w_4000,limit_1")).toMatch(/limit_0/);
    expect(allowEnlarging("image/resize,w_4000,limit_1")).not.toMatch(/limit_1/);
    expect(allowEnlarging("style/thumbnail")).toBeNull();
  });
});
