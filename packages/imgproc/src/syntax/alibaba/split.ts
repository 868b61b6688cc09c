/** A slice of the input: `[start, end)` indices into the string given to the parser. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits `src[from, to)` on one separator character, keeping each piece's position.
 * @example
 * split("a,b", 0, 3, ","); // [{ text: "a", start: 0, end: 1 }, { text: "b", start: 2, end: 3 }]
 */
export function split(src: string, from: number, to: number, separator: string): Piece[] {
  const pieces: Piece[] = [];
  let start = from;
  for (;;) {
    const at = src.indexOf(separator, start);
    const end = at < 0 || at >= to ? to : at;
    pieces.push({ text: src.slice(start, end), start, end });
    if (end === to) return pieces;
    start = end + 1;
  }
}
