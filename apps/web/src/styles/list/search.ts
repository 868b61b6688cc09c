import type { Category } from "../../api/styles.ts";
import type { SortKey } from "./filter.ts";

/**
 * The list's state in the URL (`?q=…&sort=…&category=…&unused=true`), so a reload, a shared link and back/forward
 * all show the same list. Defaults are left out of the URL: `/buckets/b/styles` is "all, by name".
 */
export interface ListSearch {
  /** Search text, matched against name and content. */
  q?: string;
  /** Sort key; absent means by name. */
  sort?: Exclude<SortKey, "name">;
  /** Only this category; absent means every category. */
  category?: Category;
  /** Only styles with no request in the last 30 days (issue 13); absent means every style. */
  unused?: true;
}

const sorts = new Set<string>(["modified", "category"]);
const categories = new Set<string>(["image", "document", "video"]);

/**
 * Reads the router's raw search object (strings or JSON values from a hand-edited URL) into
 * {@link ListSearch}; anything unknown or malformed is dropped rather than failing the page.
 */
export function parseListSearch(raw: Record<string, unknown>): ListSearch {
  const out: ListSearch = {};
  const q = typeof raw.q === "string" || typeof raw.q === "number" ? String(raw.q) : "";
  if (q !== "") out.q = q.slice(0, 200);
  if (typeof raw.sort === "string" && sorts.has(raw.sort)) out.sort = raw.sort as ListSearch["sort"] & string;
  if (typeof raw.category === "string" && categories.has(raw.category))
    out.category = raw.category as Category;
  // The router writes `true` as JSON; a hand-typed `?unused=1` or `?unused=true` arrives as text.
  if (raw.unused === true || raw.unused === "true" || raw.unused === "1" || raw.unused === 1)
    out.unused = true;
  return out;
}
