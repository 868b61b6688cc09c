/** The list's search and sort, pure so the rules are tested without rendering. */
export interface ListedStyle {
  name: string;
  content: string;
  category?: string | null;
  lastModifyTime: string;
}

export type SortKey = "name" | "modified" | "category";

/**
 * Case-insensitive match on the name or the content (blank matches everything), and, when given, only
 * the styles of one category (OSS's empty category counts as `image`, its default).
 */
export function filterStyles<T extends ListedStyle>(
  styles: readonly T[],
  query: string,
  category?: string,
): T[] {
  const q = query.trim().toLowerCase();
  return styles.filter(
    (s) =>
      (!q || s.name.toLowerCase().includes(q) || s.content.toLowerCase().includes(q)) &&
      (!category || (s.category || "image") === category),
  );
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
