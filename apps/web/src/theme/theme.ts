/** The console's colour theme: a fixed choice, or the operating system's (`system`, the default). */
export const themes = ["light", "dark", "system"] as const;
export type Theme = (typeof themes)[number];

const storageKey = "style-console.theme";

export function storedTheme(): Theme {
  const saved = localStorage.getItem(storageKey);
  return (themes as readonly string[]).includes(saved ?? "") ? (saved as Theme) : "system";
}

/** What `theme` shows now: `system` follows `prefers-color-scheme`. */
export function resolveTheme(theme: Theme, prefersDark: boolean): "light" | "dark" {
  return theme === "system" ? (prefersDark ? "dark" : "light") : theme;
}

const darkQuery = () => window.matchMedia?.("(prefers-color-scheme: dark)");

/** Sets `<html data-theme>` (the stylesheet's switch) and remembers the choice. */
export function applyTheme(theme: Theme, remember = true): void {
  if (remember) localStorage.setItem(storageKey, theme);
  document.documentElement.dataset.theme = resolveTheme(theme, Boolean(darkQuery()?.matches));
}

/** Applies the stored theme before the first render, and follows the system while it is `system`. */
export function startTheme(): void {
  applyTheme(storedTheme(), false);
  darkQuery()?.addEventListener?.("change", () => {
    if (storedTheme() === "system") applyTheme("system", false);
  });
}
