import { describe, expect, it } from "vitest";
import { can, rolesUpTo } from "./can.ts";

describe("can", () => {
  it.each([
    ["viewer", "style.write", false],
    ["designer", "style.write", false],
    ["operator", "style.write", true],
    ["admin", "style.write", true],
    ["viewer", "draft.write", false],
    ["designer", "draft.write", true],
    ["designer", "draft.review", false],
    ["operator", "draft.review", true],
    ["operator", "settings.write", false],
    ["admin", "settings.write", true],
    ["viewer", "sample.upload", false],
    ["designer", "sample.upload", true],
    ["operator", "people.manage", false],
    ["admin", "people.manage", true],
    ["designer", "bucket.logging", false],
    ["operator", "bucket.logging", true],
  ] as const)("%s may %s: %s", (role, action, allowed) => {
    expect(can({ role, buckets: null }, action).allowed).toBe(allowed);
  });

  it("names the role needed, and the bucket outside a limited role", () => {
    expect(can({ role: "designer", buckets: null }, "style.write")).toEqual({
      allowed: false,
      need: "operator",
      role: "designer",
    });
    expect(can({ role: "operator", buckets: ["a"] }, "style.write", "b")).toEqual({
      allowed: false,
      bucket: "b",
      role: "operator",
    });
    expect(can({ role: "operator", buckets: ["a"] }, "style.write", "a")).toEqual({ allowed: true });
  });

  it("offers a token no role above the owner's", () => {
    expect(rolesUpTo("designer")).toEqual(["viewer", "designer"]);
  });
});
