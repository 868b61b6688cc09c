/**
 * A positioned problem in a name, a key or a content string: what the editor underlines and the API
 * sends in `details`. `offset` and `length` count UTF-16 code units (JavaScript string indices), so
 * `value.slice(offset, offset + length)` is the offending text; an astral character is one issue of
 * length 2.
 */
export interface PositionedIssue {
  code: string;
  message: string;
  offset: number;
  length: number;
}

/** A character outside a rule's alphabet, one issue per code point (never half a surrogate pair). */
export interface InvalidCharacterIssue extends PositionedIssue {
  code: "InvalidCharacter";
  /** The offending character (a whole code point). */
  char: string;
}

/** What a name rule can say; `code` discriminates. */
export type NameIssue =
  | (PositionedIssue & { code: "Empty" })
  | (PositionedIssue & { code: "TooShort"; min: number; actual: number })
  | (PositionedIssue & { code: "TooLong"; max: number; actual: number })
  | InvalidCharacterIssue
  | (PositionedIssue & { code: "InvalidEdge" })
  | (PositionedIssue & { code: "LeadingSlash" })
  | (PositionedIssue & { code: "DotSegment" });

/**
 * Every code point of `text` outside `allowed`, with its offset, as `InvalidCharacter` issues. Iterates by
 * code point so an emoji is one issue at its real offset.
 * @example
 * invalidCharacters("a/b", /[a-z]/, "a style name"); // [{ code: "InvalidCharacter", char: "/", offset: 1, length: 1, … }]
 */
export function invalidCharacters(text: string, allowed: RegExp, what: string, hint: string): NameIssue[] {
  const issues: NameIssue[] = [];
  let offset = 0;
  for (const char of text) {
    if (!allowed.test(char)) {
      issues.push({
        code: "InvalidCharacter",
        char,
        message: `${JSON.stringify(char)} is not allowed in ${what}: ${hint}.`,
        offset,
        length: char.length,
      });
    }
    offset += char.length;
  }
  return issues;
}

/**
 * A `TooLong` issue for a value of `actual` units where `max` are allowed, underlining what is past the limit.
 * @example
 * tooLong("A style name", "characters", 63, 64); // { code: "TooLong", offset: 63, length: 1, … }
 */
export function tooLong(what: string, unit: string, max: number, actual: number): NameIssue {
  return {
    code: "TooLong",
    max,
    actual,
    message: `${what} has at most ${max} ${unit}; this one has ${actual}.`,
    offset: max,
    length: actual - max,
  };
}
