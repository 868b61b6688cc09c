import type { PortableStyle } from "./formats/style-file.ts";

/**
 * The fleet matrix: styles × buckets, each cell compared with a reference bucket. `same` and `differs`
 * compare content and category; `missing` is a reference style the bucket lacks; `extra` a style the
 * bucket has and the reference does not.
 */

export type CellState = "reference" | "same" | "differs" | "missing" | "extra" | "absent";

export interface MatrixCell {
  bucket: string;
  state: CellState;
  content: string | null;
  category: string | null;
}

export interface MatrixRow {
  name: string;
  /** True when any cell is `differs`, `missing` or `extra`. */
  drift: boolean;
  cells: MatrixCell[];
}

export interface MatrixBucket {
  name: string;
  region: string;
  styleCount: number;
  /** Set when the bucket could not be read; its cells are then `absent`. */
  error?: { code: string; message: string };
}

export interface Matrix {
  reference: string;
  buckets: MatrixBucket[];
  rows: MatrixRow[];
}

/**
 * Builds the matrix. Rows: the reference's styles in its order, then the others' extras by name.
 *
 * @example
 * buildMatrix("a", [{ name: "a", region: "r", styles: [s1] }, { name: "b", region: "r", styles: [] }]).rows[0].cells[1].state; // "missing"
 */
export function buildMatrix(
  reference: string,
  buckets: ReadonlyArray<{
    name: string;
    region: string;
    styles: readonly PortableStyle[] | undefined;
    error?: { code: string; message: string } | undefined;
  }>,
): Matrix {
  const ref = buckets.find((b) => b.name === reference);
  const refStyles = new Map((ref?.styles ?? []).map((s) => [s.name, s]));
  const names = [...refStyles.keys()];
  const extras = new Set<string>();
  for (const b of buckets) for (const s of b.styles ?? []) if (!refStyles.has(s.name)) extras.add(s.name);
  names.push(...[...extras].sort());
  const byBucket = buckets.map((b) => ({ ...b, map: new Map((b.styles ?? []).map((s) => [s.name, s])) }));
  const rows = names.map((name): MatrixRow => {
    const want = refStyles.get(name);
    const cells = byBucket.map((b): MatrixCell => {
      const have = b.map.get(name);
      const value = { bucket: b.name, content: have?.content ?? null, category: have?.category ?? null };
      if (b.styles === undefined) return { ...value, state: "absent" };
      if (b.name === reference) return { ...value, state: have ? "reference" : "absent" };
      if (!want) return { ...value, state: have ? "extra" : "absent" };
      if (!have) return { ...value, state: "missing" };
      const same = have.content === want.content && have.category === want.category;
      return { ...value, state: same ? "same" : "differs" };
    });
    const drift = cells.some((c) => c.state === "differs" || c.state === "missing" || c.state === "extra");
    return { name, drift, cells };
  });
  return {
    reference,
    buckets: buckets.map((b) => ({
      name: b.name,
      region: b.region,
      styleCount: b.styles?.length ?? 0,
      ...(b.error ? { error: b.error } : {}),
    })),
    rows,
  };
}
