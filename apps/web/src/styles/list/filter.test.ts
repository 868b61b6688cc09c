import { describe, expect, it } from "vitest";
import { filterStyles, sortStyles } from "./filter.ts";

const styles = [
  { name: "thumb", content: "image/resize,w_200", category: "image", lastModifyTime: "2026-01-02T00:00:00Z" },
  {
    name: "Avatar",
    content: "image/circle,r_100",
    category: "image",
    lastModifyTime: "2026-03-01T00:00:00Z",
  },
  {
    name: "webp",
    content: "image/format,webp",
    category: "document",
    lastModifyTime: "2026-02-01T00:00:00Z",
  },
];

describe("filterStyles", () => {
  it("matches the name or the content, ignoring case", () => {
    expect(filterStyles(styles, "AVA").map((s) => s.name)).toEqual(["Avatar"]);
    expect(filterStyles(styles, "w_200").map((s) => s.name)).toEqual(["thumb"]);
    expect(filterStyles(styles, "webp").map((s) => s.name)).toEqual(["webp"]);
  });
  it("keeps everything for a blank query and nothing for a miss", () => {
    expect(filterStyles(styles, "  ")).toHaveLength(3);
    expect(filterStyles(styles, "zzz")).toEqual([]);
  });
  it("keeps one category when asked, reading OSS's empty category as image", () => {
    expect(filterStyles(styles, "", "document").map((s) => s.name)).toEqual(["webp"]);
    expect(
      filterStyles([{ name: "x", content: "", category: "", lastModifyTime: "" }], "", "image"),
    ).toHaveLength(1);
    expect(filterStyles(styles, "thumb", "document")).toEqual([]);
  });
});

describe("sortStyles", () => {
  it("sorts by name, newest change, or category", () => {
    expect(sortStyles(styles, "name").map((s) => s.name)).toEqual(["Avatar", "thumb", "webp"]);
    expect(sortStyles(styles, "modified").map((s) => s.name)).toEqual(["Avatar", "webp", "thumb"]);
    expect(sortStyles(styles, "category").map((s) => s.name)).toEqual(["webp", "Avatar", "thumb"]);
  });
  it("does not mutate its input", () => {
    const before = styles.map((s) => s.name);
    sortStyles(styles, "name");
    expect(styles.map((s) => s.name)).toEqual(before);
  });
});
