/** The list's search and sort, pure so the rules are tested without rendering. */
export interface ListedStyle {
  name: string;
  content: string;
  category?: string | null;
  lastModifyTime: string;
}

export type SortKey = "name" | "modified" | "category";

/** Case-insensitive match on the name or the content; blank matches everything. */
export function filterStyles<T extends ListedStyle>(styles: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...styles];
  return styles.filter((s) => s.name.toLowerCase().includes(q) || s.content.toLowerCase().includes(q));
}

const byName = (a: ListedStyle, b: ListedStyle) => a.name.localeCompare(b.name, "en");

/** Name A→Z; last modified newest first; category then name. Ties fall back to the name. */
export function sortStyles<T extends ListedStyle>(styles: readonly T[], key: SortKey): T[] {
  const copy = [...styles];
  if (key === "name") return copy.sort(byName);
  if (key === "modified")
    return copy.sort((a, b) => Date.parse(b.lastModifyTime) - Date.parse(a.lastModifyTime) || byName(a, b));
  return copy.sort((a, b) => (a.category ?? "").localeCompare(b.category ?? "", "en") || byName(a, b));
}
