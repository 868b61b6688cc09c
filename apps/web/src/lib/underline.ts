/**
 * Splits an editor's text into runs for the highlighted mirror behind the transparent textarea: plain
 * text, text covered by an error (drawn with a wavy underline), and a caret mark for an error of
 * length 0 (a missing value at the end is still pointed at). Offsets are UTF-16 indices, as the
 * syntax package reports them; anything out of range is clamped rather than trusted.
 */
export interface Span {
  offset: number;
  length: number;
}

export type Run =
  | { kind: "plain"; text: string }
  | { kind: "error"; text: string; issue: number }
  | { kind: "caret"; issue: number };

export function underlineRuns(text: string, issues: readonly Span[]): Run[] {
  // owner[i] = index of the first issue covering character i, or -1.
  const owner = new Array<number>(text.length).fill(-1);
  const carets = new Map<number, number>();
  issues.forEach((issue, index) => {
    const start = Math.min(Math.max(0, Math.trunc(issue.offset)), text.length);
    const end = Math.min(text.length, start + Math.max(0, Math.trunc(issue.length)));
    if (end === start) {
      if (!carets.has(start)) carets.set(start, index);
      return;
    }
    for (let i = start; i < end; i++) if (owner[i] === -1) owner[i] = index;
  });
  const runs: Run[] = [];
  let i = 0;
  while (i <= text.length) {
    const caret = carets.get(i);
    if (caret !== undefined) runs.push({ kind: "caret", issue: caret });
    if (i === text.length) break;
    const who = owner[i] as number;
    let j = i + 1;
    while (j < text.length && owner[j] === who && !carets.has(j)) j++;
    const slice = text.slice(i, j);
    runs.push(who === -1 ? { kind: "plain", text: slice } : { kind: "error", text: slice, issue: who });
    i = j;
  }
  return runs;
}
