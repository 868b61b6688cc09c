import { describe, expect, it } from "vitest";
import { ApiError } from "./error.ts";
import { conflictingStyle, saveFailure } from "./styles.ts";

const current = {
  name: "thumb",
  content: "image/resize,w_100",
  category: "image",
  createTime: "2026-11-29T10:00:00.000Z",
  lastModifyTime: "2026-11-29T11:00:00.000Z",
};

describe("saveFailure (issue 14 §6: a failed save read by its code, not its status)", () => {
  it.each([
    [new ApiError(409, "StyleExists", "taken", undefined, { current }), "nameTaken"],
    [new ApiError(409, "StyleChanged", "changed", undefined, { current }), "changed"],
    [new ApiError(404, "NoSuchStyle", "gone"), "gone"],
    // The bucket is full: also a 409, and the form must say so rather than "a style with this name exists".
    [new ApiError(409, "StyleLimitReached", "The bucket has reached its style limit"), "other"],
    [new ApiError(404, "UnknownBucket", "no bucket", undefined, { bucket: "x" }), "other"],
    [new ApiError(0, "NetworkError", "offline"), "other"],
  ] as const)("%o → %s", (error, kind) => {
    expect(saveFailure(error)).toBe(kind);
  });
});

describe("conflictingStyle", () => {
  it("reads the typed details.current of a 409 StyleChanged or StyleExists, and nothing else", () => {
    expect(conflictingStyle(new ApiError(409, "StyleChanged", "x", undefined, { current }))).toEqual(current);
    expect(conflictingStyle(new ApiError(409, "StyleExists", "x", undefined, { current }))).toEqual(current);
    expect(conflictingStyle(new ApiError(409, "StyleLimitReached", "x"))).toBeNull();
    expect(conflictingStyle(new ApiError(409, "StyleChanged", "x"))).toBeNull();
  });
});
