import { forbiddenContentCharacters, STYLE_CONTENT_EC } from "@style-console/contract/names";
import type { Operation, SyntaxIssue } from "../ast.ts";
import { parseProcess } from "../process/index.ts";

/** The verdict on a style's content: its operations when OSS would accept it, positioned errors when not. */
export interface StyleContentCheck {
  ok: boolean;
  /** The parsed operations, in order, when the content is valid; empty otherwise. */
  operations: Operation[];
  errors: SyntaxIssue[];
  /** Things OSS is believed to ignore (unknown parameters…); they never make `ok` false. */
  warnings: SyntaxIssue[];
}

/**
 * Checks a style's content the way OSS PutStyle accepts it: no forbidden character (the contract's
 * `forbiddenContentCharacters`: `; ( ) ' * ?` and control characters, EC 0017-00000253), and an
 * `image/…` chain the style language parses (a style cannot hold `style/…` or JD's `img/…`). The one rule
 * shared by the console's editor and the BFF, so they never disagree. Never throws.
 * @example
 * checkStyleContent("image/resize,w_200").ok; // true
 * checkStyleContent("image/resize,w_200;").errors[0]; // { code: "ForbiddenCharacter", offset: 18, length: 1, … }
 */
export function checkStyleContent(content: string): StyleContentCheck {
  const errors: SyntaxIssue[] = forbiddenContentCharacters(content).map((issue) => ({
    ...issue,
    code: "ForbiddenCharacter",
    ossCode: STYLE_CONTENT_EC,
  }));
  const parsed = parseProcess(content);
  if (!parsed.ok)
    return { ok: false, operations: [], errors: [...errors, ...parsed.errors], warnings: parsed.warnings };
  if (parsed.value.kind !== "image") {
    const slash = content.indexOf("/");
    errors.push({
      code: "UnsupportedProcessKind",
      message: `A style holds an \`image/…\` chain; \`${parsed.value.kind}/…\` cannot be saved as a style.`,
      offset: 0,
      length: slash === -1 ? content.length : slash,
      ossCode: STYLE_CONTENT_EC,
    });
  }
  if (errors.length > 0) return { ok: false, operations: [], errors, warnings: parsed.warnings };
  return {
    ok: true,
    operations: parsed.value.kind === "image" ? parsed.value.operations : [],
    errors,
    warnings: parsed.warnings,
  };
}
