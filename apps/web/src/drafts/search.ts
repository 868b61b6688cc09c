// No imports: the editor routes (in the list's initial chunk) read this, and nothing else of drafts.

/**
 * The editor's `?draft=<id>` search parameter: the draft to revise (a positive integer), or nothing.
 * @example
 * draftSearch({ draft: "7" }); // { draft: 7 }
 * draftSearch({ draft: "x" }); // {}
 */
export function draftSearch(search: Record<string, unknown>): { draft?: number } {
  const id = Number(search.draft);
  return Number.isSafeInteger(id) && id > 0 ? { draft: id } : {};
}
