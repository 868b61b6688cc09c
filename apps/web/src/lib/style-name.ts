/**
 * OSS style-name rules (error codes 0017-00000250 and 0017-00000251): 1–63 characters of letters,
 * digits, `_`, `-` and `.`. Checked here so a bad name is explained as it is typed and never sent.
 */
export const STYLE_NAME_MAX = 63;

export type StyleNameProblem =
  | { code: "empty" }
  | { code: "tooLong"; length: number }
  | { code: "badChar"; char: string; offset: number };

const allowed = /^[A-Za-z0-9_.-]$/;

/** Returns the first problem of a style name, or `null` when OSS will accept it. */
export function checkStyleName(name: string): StyleNameProblem | null {
  if (name.length === 0) return { code: "empty" };
  // Iterate by code point so an emoji is reported as one character at its real offset.
  let offset = 0;
  for (const char of name) {
    if (!allowed.test(char)) return { code: "badChar", char, offset };
    offset += char.length;
  }
  if (name.length > STYLE_NAME_MAX) return { code: "tooLong", length: name.length };
  return null;
}
