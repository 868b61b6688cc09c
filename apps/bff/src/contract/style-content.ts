import { type Operation, parseProcess } from "@style-console/imgproc/syntax";
import type { PositionedIssue } from "./style-name.ts";

export interface ContentCheck {
  ok: boolean;
  /** The parsed operations, in order, when the content is valid; empty otherwise. */
  operations: Operation[];
  errors: PositionedIssue[];
  /** Things OSS is believed to ignore (unknown parameters…); they never make `ok` false. */
  warnings: PositionedIssue[];
}

// OSS rejects these in a style's content outright (EC 0017-00000253), whatever the operations say.
const forbidden = /[;()'*?]/g;

const positioned = ({ code, message, offset, length }: PositionedIssue): PositionedIssue => ({
  code,
  message,
  offset,
  length,
});

/**
 * Checks a style's content the way OSS would accept it: no forbidden characters, and an `image/…` chain
 * that the style language parses. Every error carries its position for the editor.
 * @example
 * checkStyleContent("image/resize,w_200").ok; // true
 */
export function checkStyleContent(content: string): ContentCheck {
  const errors: PositionedIssue[] = [];
  for (const match of content.matchAll(forbidden)) {
    errors.push({
      code: "ForbiddenCharacter",
      message: `${JSON.stringify(match[0])} is not allowed in a style's content.`,
      offset: match.index,
      length: 1,
    });
  }
  const parsed = parseProcess(content);
  const warnings = parsed.warnings.map(positioned);
  if (!parsed.ok)
    return { ok: false, operations: [], errors: [...errors, ...parsed.errors.map(positioned)], warnings };
  if (parsed.value.kind !== "image") {
    const prefix = content.indexOf("/");
    errors.push({
      code: "UnsupportedProcessKind",
      message: `A style holds an "image/…" chain; "${parsed.value.kind}/…" cannot be saved as a style.`,
      offset: 0,
      length: prefix === -1 ? content.length : prefix,
    });
  }
  if (errors.length > 0) return { ok: false, operations: [], errors, warnings };
  return {
    ok: true,
    operations: parsed.value.kind === "image" ? parsed.value.operations : [],
    errors,
    warnings,
  };
}
