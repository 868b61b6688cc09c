import type { ContentCheck } from "@style-console/contract/dto";
import type { PositionedIssue } from "@style-console/contract/names";
import { checkStyleContent as checkContent, type SyntaxIssue } from "@style-console/imgproc/syntax";

// The API's issues carry exactly what the editor needs to underline and explain.
const positioned = ({ code, message, offset, length }: SyntaxIssue): PositionedIssue => ({
  code,
  message,
  offset,
  length,
});

/**
 * Checks a style's content the way OSS would accept it, with the rule the console's editor also uses
 * (`checkStyleContent` of the syntax package), in the API's shape. Every error carries its position.
 * @example
 * checkStyleContent("image/resize,w_200").ok; // true
 */
export function checkStyleContent(content: string): ContentCheck {
  const check = checkContent(content);
  return {
    ok: check.ok,
    operations: check.operations,
    errors: check.errors.map(positioned),
    warnings: check.warnings.map(positioned),
  };
}
