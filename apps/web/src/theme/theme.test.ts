import { afterEach, describe, expect, it } from "vitest";
import { applyTheme, resolveTheme, storedTheme } from "./theme.ts";

afterEach(() => localStorage.clear());

describe("theme", () => {
  it("resolves system from the media query, and keeps a fixed choice", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
  });

  it("remembers the choice and sets data-theme; an unknown stored value reads as system", () => {
    applyTheme("dark");
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(storedTheme()).toBe("dark");
    localStorage.setItem("style-console.theme", "purple");
    expect(storedTheme()).toBe("system");
  });
});
