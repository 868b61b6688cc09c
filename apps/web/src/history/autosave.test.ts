import { beforeEach, describe, expect, it } from "vitest";
import { autosaveKey, forgetUnsaved, keepUnsaved, readUnsaved } from "./autosave.ts";

describe("autosave", () => {
  beforeEach(() => localStorage.clear());
  const edit = {
    name: "thumb",
    content: "image/resize,w_1",
    category: "image",
    baseLastModifyTime: null,
    savedAt: "2026-11-29T15:00:00.000Z",
  };

  it("keeps, reads back and forgets an edit per bucket and style", () => {
    const key = autosaveKey("photos", "thumb");
    keepUnsaved(key, edit);
    expect(readUnsaved(key)).toEqual(edit);
    expect(readUnsaved(autosaveKey("avatars", "thumb"))).toBeNull();
    expect(autosaveKey("photos", null)).not.toBe(autosaveKey("photos", "new"));
    forgetUnsaved(key);
    expect(readUnsaved(key)).toBeNull();
  });

  it("reads garbage as nothing", () => {
    localStorage.setItem(autosaveKey("photos", "x"), "{not json");
    expect(readUnsaved(autosaveKey("photos", "x"))).toBeNull();
    localStorage.setItem(autosaveKey("photos", "y"), JSON.stringify({ name: 1 }));
    expect(readUnsaved(autosaveKey("photos", "y"))).toBeNull();
  });
});
