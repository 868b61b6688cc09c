/**
 * The diff between two versions of a style, operation by operation, for the history and review
 * screens. Unlike a plain sequence diff, every removal and addition between two unchanged operations is
 * paired into a "changed" row (same operation first, then by position), so editing two adjacent
 * operations reads as two changes, not two removals followed by two additions. The process kind
 * (`image/`) is not an operation and never shows as a row.
 */
export type VersionDiffRow =
  | { kind: "same"; text: string }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string }
  | { kind: "changed"; before: string; after: string };

const KINDS = new Set(["image", "video", "doc", "audio", "style"]);

/** The operations of a content, without its process kind: `image/resize,w_1/quality,q_9` → two. */
export function operationsOf(content: string): string[] {
  const parts = content.split("/").filter((p) => p !== "");
  return parts.length > 0 && KINDS.has(parts[0] as string) && !(parts[0] as string).includes(",")
    ? parts.slice(1)
    : parts;
}

const opName = (op: string) => op.split(",", 1)[0] ?? op;

/** Pairs a run of removals and additions between two unchanged operations. */
function pairGap(removed: string[], added: string[]): VersionDiffRow[] {
  const rows: VersionDiffRow[] = [];
  const pairedAdd = new Set<number>();
  const partner = removed.map((r) => {
    const j = added.findIndex((a, k) => !pairedAdd.has(k) && opName(a) === opName(r));
    if (j >= 0) pairedAdd.add(j);
    return j;
  });
  // Leftovers pair by position: a replaced operation is a change of that step of the chain.
  const freeAdds = added.map((_, k) => k).filter((k) => !pairedAdd.has(k));
  for (let i = 0; i < removed.length; i++) {
    if (partner[i] === -1 && freeAdds.length > 0) {
      partner[i] = freeAdds.shift() as number;
      pairedAdd.add(partner[i] as number);
    }
  }
  for (let i = 0; i < removed.length; i++) {
    const j = partner[i] as number;
    rows.push(
      j >= 0
        ? { kind: "changed", before: removed[i] as string, after: added[j] as string }
        : { kind: "removed", text: removed[i] as string },
    );
  }
  for (const k of freeAdds) rows.push({ kind: "added", text: added[k] as string });
  return rows;
}

/**
 * Diffs two contents by operation (longest common subsequence of whole operations, then gaps paired).
 * @example
 * diffVersions("image/resize,w_100/quality,q_90", "image/resize,w_200/quality,q_80");
 * // [{ kind: "changed", before: "resize,w_100", after: "resize,w_200" }, { kind: "changed", before: "quality,q_90", after: "quality,q_80" }]
 */
export function diffVersions(before: string, after: string): VersionDiffRow[] {
  const a = operationsOf(before);
  const b = operationsOf(after);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] =
        a[i] === b[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
    }
  }
  const rows: VersionDiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    rows.push(...pairGap(removed, added));
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      rows.push({ kind: "same", text: a[i] as string });
      i++;
      j++;
    } else if (
      j >= b.length ||
      (i < a.length && ((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))
    ) {
      removed.push(a[i] as string);
      i++;
    } else {
      added.push(b[j] as string);
      j++;
    }
  }
  flush();
  return rows;
}
