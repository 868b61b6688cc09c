import { invalidCharacters, type NameIssue, tooLong } from "./issue.ts";

/** The longest style name OSS stores (EC 0017-00000250). */
export const STYLE_NAME_MAX = 63;

const STYLE_NAME_CHAR = /^[A-Za-z0-9_.-]$/;

/**
 * OSS's rule for style names: 1–63 characters of `A–Z a–z 0–9 _ . -` (PutStyle; EC 0017-00000250 for the
 * length, 0017-00000251 for the characters; oss-api.md §2.2). Returns every problem with its position; an
 * empty array means OSS accepts the name. `.` and `..` are valid names: they reach the console's routes
 * through {@link styleNameSegment}, because a URL would drop them as dot segments.
 * @example
 * styleNameIssues("thumb_200"); // []
 * styleNameIssues("thumb/small"); // [{ code: "InvalidCharacter", char: "/", offset: 5, length: 1, … }]
 */
export function styleNameIssues(name: string): NameIssue[] {
  if (name.length === 0)
    return [{ code: "Empty", message: "A style name is required.", offset: 0, length: 0 }];
  const issues: NameIssue[] = [];
  if (name.length > STYLE_NAME_MAX) {
    issues.push(tooLong("A style name", "characters", STYLE_NAME_MAX, name.length));
  }
  issues.push(
    ...invalidCharacters(name, STYLE_NAME_CHAR, "a style name", 'use letters, digits, "_", "." and "-"'),
  );
  return issues;
}

/**
 * Whether OSS accepts `name` as a style name ({@link styleNameIssues} is empty).
 * @example
 * isStyleName("web.v2"); // true
 */
export function isStyleName(name: string): boolean {
  return styleNameIssues(name).length === 0;
}
