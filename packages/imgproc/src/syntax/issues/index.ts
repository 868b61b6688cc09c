import type { SyntaxIssue, SyntaxIssueCode } from "../ast.ts";
import type { ParamType } from "../catalogue/types.ts";

/**
 * Describes what a parameter type accepts, in the words every message uses.
 * @example
 * expected({ kind: "int", min: 1, max: 16384 }); // "an integer 1–16384"
 */
export function expected(type: ParamType): string {
  switch (type.kind) {
    case "int":
      return type.min < 0
        ? `an integer from ${type.min} to ${type.max}`
        : `an integer ${type.min}–${type.max}`;
    case "enum":
      return `one of ${type.values.map((v) => `\`${v}\``).join(", ")}`;
    case "flag":
      return `one of ${type.values.map((v) => `\`${v}\``).join(", ")}`;
    case "color":
      return "six hex digits (000000–FFFFFF)";
    case "base64": {
      const of = type.values ? ` of one of ${type.values.map((v) => `\`${v}\``).join(", ")}` : "";
      const max = type.maxChars ? ` (at most ${type.maxChars} characters once decoded)` : "";
      return `URL-safe Base64${of}${max}`;
    }
  }
}

/**
 * Names a parameter the way messages do: "`w` of `resize`", or "the value of `rotate`" for bare
 * single-value actions.
 * @example
 * subject("resize", "w"); // "`w` of `resize`"
 */
export function subject(operation: string, parameter?: string): string {
  if (parameter === undefined) return `\`${operation}\``;
  return parameter === "value" ? `the value of \`${operation}\`` : `\`${parameter}\` of \`${operation}\``;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Quotes what the user wrote, shortened so one long value cannot flood the editor.
 * @example
 * got("abc"); // "`abc`"
 */
export function got(raw: string): string {
  const shown = raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
  return `\`${shown}\``;
}

/**
 * The one message builder for a bad parameter value.
 * @example
 * invalidValueMessage("resize", "w", { kind: "int", min: 1, max: 16384 }, "0");
 * // "`w` of `resize` must be an integer 1–16384, got `0`"
 */
export function invalidValueMessage(
  operation: string,
  parameter: string,
  type: ParamType,
  raw: string,
): string {
  return `${capitalise(subject(operation, parameter))} must be ${expected(type)}, got ${got(raw)}`;
}

/** Where an issue sits in the input. */
export interface Span {
  offset: number;
  length: number;
}

/**
 * Builds a positioned issue, dropping undefined fields so issues compare cleanly in tests.
 * @example
 * issue("OutOfRange", "…", { offset: 13, length: 3 }, { operation: "resize", parameter: "w" });
 */
export function issue(
  code: SyntaxIssueCode,
  message: string,
  span: Span,
  extra: {
    operation?: string | undefined;
    parameter?: string | undefined;
    ossCode?: string | undefined;
  } = {},
): SyntaxIssue {
  const out: SyntaxIssue = { code, message, offset: span.offset, length: span.length };
  if (extra.operation !== undefined) out.operation = extra.operation;
  if (extra.parameter !== undefined) out.parameter = extra.parameter;
  if (extra.ossCode !== undefined) out.ossCode = extra.ossCode;
  return out;
}
