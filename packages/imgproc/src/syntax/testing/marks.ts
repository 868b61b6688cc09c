/**
 * Test helper: positions written as a marked fragment of the input, `"w_<0>"` meaning "the `0` that
 * follows `w_`", so tables stay readable and cannot drift from the input.
 * @example
 * spanOf("image/resize,w_0", "w_<0>"); // { offset: 15, length: 1 }
 */
export function spanOf(input: string, marked: string): { offset: number; length: number } {
  const open = marked.indexOf("<");
  const close = marked.indexOf(">");
  const plain = marked.slice(0, open) + marked.slice(open + 1, close) + marked.slice(close + 1);
  const at = input.indexOf(plain);
  if (open < 0 || close < open || at < 0) throw new Error(`bad mark ${marked} for ${input}`);
  return { offset: at + open, length: close - open - 1 };
}
