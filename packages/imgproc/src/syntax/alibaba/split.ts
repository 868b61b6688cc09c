/** A slice of the input: `[start, end)` indices into the string given to the parser. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits `src[from, to)` on one separator character, keeping each piece's position. Scans only
 * inside the range (a plain `indexOf` would run on past `to` for every piece: quadratic on long input).
 * @example
 * split("a,b", 0, 3, ","); // [{ text: "a", start: 0, end: 1 }, { text: "b", start: 2, end: 3 }]
 */
export function split(src: string, from: number, to: number, separator: string): Piece[] {
  const code = separator.charCodeAt(0);
  const pieces: Piece[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (src.charCodeAt(i) === code) {
      pieces.push({ text: src.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  pieces.push({ text: src.slice(start, to), start, end: to });
  return pieces;
}
