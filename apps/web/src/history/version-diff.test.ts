import { describe, expect, it } from "vitest";
import { diffVersions, operationsOf } from "./version-diff.ts";

describe("diffVersions", () => {
  it.each([
    {
      what: "two adjacent edited operations are two changes",
      before: "image/resize,w_100/quality,q_90",
      after: "image/resize,w_200/quality,q_80",
      rows: [
        { kind: "changed", before: "resize,w_100", after: "resize,w_200" },
        { kind: "changed", before: "quality,q_90", after: "quality,q_80" },
      ],
    },
    {
      what: "no row for the process kind, unchanged operations kept",
      before: "image/resize,w_100/format,webp",
      after: "image/resize,w_100/format,png",
      rows: [
        { kind: "same", text: "resize,w_100" },
        { kind: "changed", before: "format,webp", after: "format,png" },
      ],
    },
    {
      what: "an added operation",
      before: "image/resize,w_100",
      after: "image/resize,w_100/sharpen,100",
      rows: [
        { kind: "same", text: "resize,w_100" },
        { kind: "added", text: "sharpen,100" },
      ],
    },
    {
      what: "a removed operation",
      before: "image/blur,r_3,s_2/resize,w_100",
      after: "image/resize,w_100",
      rows: [
        { kind: "removed", text: "blur,r_3,s_2" },
        { kind: "same", text: "resize,w_100" },
      ],
    },
    {
      what: "a replaced operation at the same step is a change",
      before: "image/resize,w_100/quality,q_90",
      after: "image/crop,w_100,h_100/quality,q_90",
      rows: [
        { kind: "changed", before: "resize,w_100", after: "crop,w_100,h_100" },
        { kind: "same", text: "quality,q_90" },
      ],
    },
    {
      what: "reordered edits pair by operation name",
      before: "image/resize,w_1/rotate,90",
      after: "image/rotate,180/resize,w_2/sharpen,50",
      rows: [
        { kind: "changed", before: "resize,w_1", after: "resize,w_2" },
        { kind: "changed", before: "rotate,90", after: "rotate,180" },
        { kind: "added", text: "sharpen,50" },
      ],
    },
  ])("$what", ({ before, after, rows }) => {
    expect(diffVersions(before, after)).toEqual(rows);
  });

  it("identical versions are all unchanged rows", () => {
    expect(diffVersions("image/resize,w_1", "image/resize,w_1")).toEqual([
      { kind: "same", text: "resize,w_1" },
    ]);
  });

  it("drops only a leading process kind", () => {
    expect(operationsOf("image/resize,w_1")).toEqual(["resize,w_1"]);
    expect(operationsOf("style/thumb")).toEqual(["thumb"]);
    expect(operationsOf("")).toEqual([]);
  });
});
