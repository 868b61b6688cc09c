/** A positioned problem in a name or a content string: what the editor underlines. */
export interface PositionedIssue {
  code: string;
  message: string;
  offset: number;
  length: number;
}

export const STYLE_NAME_MAX = 63;
const allowed = /[A-Za-z0-9_.-]/;

/**
 * OSS's rule for style names (1–63 of `A–Z a–z 0–9 _ . -`; EC 0017-00000250/251), checked here so a bad
 * name never reaches OSS. Returns every problem with its position; an empty array means valid.
 * @example
 * styleNameIssues("thumb/small"); // [{ code: "InvalidCharacter", offset: 5, length: 1, … }]
 */
export function styleNameIssues(name: string): PositionedIssue[] {
  if (name.length === 0) {
    return [{ code: "Empty", message: "A style name is required.", offset: 0, length: 0 }];
  }
  const issues: PositionedIssue[] = [];
  if (name.length > STYLE_NAME_MAX) {
    issues.push({
      code: "TooLong",
      message: `A style name has at most ${STYLE_NAME_MAX} characters; this one has ${name.length}.`,
      offset: STYLE_NAME_MAX,
      length: name.length - STYLE_NAME_MAX,
    });
  }
  for (let offset = 0; offset < name.length; offset += 1) {
    const char = name.charAt(offset);
    if (allowed.test(char)) continue;
    issues.push({
      code: "InvalidCharacter",
      message: `${JSON.stringify(char)} is not allowed in a style name: use letters, digits, "_", "." and "-".`,
      offset,
      length: 1,
    });
  }
  return issues;
}
