import type { PositionedIssue } from "./issue.ts";

/** The OSS error code of a refused style content (PutStyle, oss-api.md §2.2). */
export const STYLE_CONTENT_EC = "0017-00000253";

/** The longest style content the console sends (16 KiB of text). */
export const STYLE_CONTENT_MAX = 16_384;

// D-EC 0017-00000253 names `; ( ) ' * ?`; control characters cannot be meant as processing parameters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rule refuses.
const FORBIDDEN = /[;()'*?\u0000-\u001f\u007f]/g;

/**
 * The characters OSS refuses anywhere in a style's content, whatever the operations say: `; ( ) ' * ?`
 * and control characters (EC 0017-00000253). One issue per character, with its position. The operations
 * themselves are checked by the style language (`@style-console/imgproc/syntax`).
 * @example
 * forbiddenContentCharacters("image/resize,w_1;")[0]; // { code: "ForbiddenCharacter", offset: 16, length: 1, … }
 */
export function forbiddenContentCharacters(content: string): PositionedIssue[] {
  return [...content.matchAll(FORBIDDEN)].map((match) => ({
    code: "ForbiddenCharacter",
    message: `${JSON.stringify(match[0])} is not allowed in a style's content.`,
    offset: match.index,
    length: 1,
  }));
}
