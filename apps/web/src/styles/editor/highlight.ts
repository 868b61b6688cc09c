import type { Run } from "../../lib/underline.ts";

/**
 * Token classes for the editor's mirror: the process kind (`image`), each action name, parameter keys,
 * values and the `/` `,` separators. Lexical only (no parsing), so it colours broken input too.
 */
export type TokenClass = "kind" | "action" | "key" | "value" | "punct";

export function classify(text: string): TokenClass[] {
  const out: TokenClass[] = [];
  const push = (cls: TokenClass, n: number) => {
    for (let i = 0; i < n; i++) out.push(cls);
  };
  for (const [p, part] of text.split("/").entries()) {
    if (p > 0) push("punct", 1);
    for (const [f, field] of part.split(",").entries()) {
      if (f > 0) push("punct", 1);
      const cut = field.indexOf("_");
      if (p === 0) push("kind", field.length);
      else if (f === 0) push("action", field.length);
      // `w_200` is key, separator, value; a bare `90` (rotate,90) is a value.
      else if (cut < 0) push("value", field.length);
      else {
        push("key", cut);
        push("punct", 1);
        push("value", field.length - cut - 1);
      }
    }
  }
  return out;
}

export interface Piece {
  text: string;
  cls: TokenClass;
  issue?: number;
}

/** Cuts underline runs further where the token class changes; carets pass through as they are. */
export function piecesOf(runs: Run[], classes: TokenClass[]): Array<Piece | { caret: number }> {
  const out: Array<Piece | { caret: number }> = [];
  let offset = 0;
  for (const run of runs) {
    if (run.kind === "caret") {
      out.push({ caret: run.issue });
      continue;
    }
    let start = 0;
    for (let i = 1; i <= run.text.length; i++) {
      if (i === run.text.length || classes[offset + i] !== classes[offset + start]) {
        const piece: Piece = { text: run.text.slice(start, i), cls: classes[offset + start] ?? "value" };
        if (run.kind === "error") piece.issue = run.issue;
        out.push(piece);
        start = i;
      }
    }
    offset += run.text.length;
  }
  return out;
}
