/**
 * An operation-level diff of two style contents. A content is a `/`-separated chain
 * (`image/resize,w_200/quality,q_90`), so the useful unit of change is one operation, not a character:
 * "quality went from q_90 to q_80" reads better than a character soup.
 */
export type DiffEntry =
  | { kind: "same"; text: string }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string }
  | { kind: "changed"; before: string; after: string };

/** The parts of a chain: the process kind (`image`) and each operation with its parameters. */
export function splitChain(content: string): string[] {
  return content === "" ? [] : content.split("/");
}

function actionName(part: string): string {
  return part.split(",", 1)[0] ?? part;
}

/**
 * Diffs two chains with a longest-common-subsequence over their parts, then pairs a removal with the
 * addition right after it when both are the same action, so a parameter edit shows as one "changed" row.
 */
export function diffContent(before: string, after: string): DiffEntry[] {
  const a = splitChain(before);
  const b = splitChain(after);
  // lcs[i][j] = length of the LCS of a[i..] and b[j..]; chains are short (OSS caps them), so O(n·m) is fine.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const next = lcs[i + 1] as number[];
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] =
        a[i] === b[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
    }
  }
  const raw: DiffEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const ai = a[i];
    const bj = b[j];
    if (ai !== undefined && bj !== undefined && ai === bj) {
      raw.push({ kind: "same", text: ai });
      i++;
      j++;
    } else if (bj === undefined || (ai !== undefined && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      raw.push({ kind: "removed", text: ai as string });
      i++;
    } else {
      raw.push({ kind: "added", text: bj });
      j++;
    }
  }
  return pairChanges(raw);
}

function pairChanges(entries: DiffEntry[]): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (let k = 0; k < entries.length; k++) {
    const cur = entries[k] as DiffEntry;
    const next = entries[k + 1];
    if (cur.kind === "removed" && next?.kind === "added" && actionName(cur.text) === actionName(next.text)) {
      out.push({ kind: "changed", before: cur.text, after: next.text });
      k++;
    } else {
      out.push(cur);
    }
  }
  return out;
}

/** True when the diff holds any change (the editor only offers "save" when something changed). */
export function hasChanges(entries: DiffEntry[]): boolean {
  return entries.some((e) => e.kind !== "same");
}
