import {
  checkStyleContent as checkContent,
  type Operation,
  type SyntaxIssue,
} from "@style-console/imgproc/syntax";
import type { PositionedIssue } from "./style-name.ts";

export interface ContentCheck {
  ok: boolean;
  /** The parsed operations, in order, when the content is valid; empty otherwise. */
  operations: Operation[];
  errors: PositionedIssue[];
  /** Things OSS is believed to ignore (unknown parameters…); they never make `ok` false. */
  warnings: PositionedIssue[];
}

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
