import { describe, expect, it } from "vitest";
import { chooseBucket } from "./remembered.ts";

describe("chooseBucket", () => {
  it("opens the remembered bucket when it is still configured", () => {
    expect(chooseBucket(["a", "b"], "b")).toBe("b");
  });
  it("opens the first bucket on a first visit or when the remembered one is gone", () => {
    expect(chooseBucket(["a", "b"], null)).toBe("a");
    expect(chooseBucket(["a", "b"], "gone")).toBe("a");
  });
  it("has nothing to open without buckets", () => {
    expect(chooseBucket([], "a")).toBeNull();
  });
});
