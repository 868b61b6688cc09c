import type { SyntaxIssue } from "../ast.ts";
import { got, issue, type Span } from "../issues/index.ts";
import { type ParamValue, validateParam } from "../params/index.ts";
import type { JdParamSpec } from "./actions.ts";

const JD_COLOR = /^_([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$/;

/**
 * Validates one JD value. Colours are written `_RRGGBB` or `_RGB` in JD and come back as six hex
 * digits (the AST's colour form); everything else goes through the shared parameter validator.
 * @example
 * validateJdValue("sb", { name: "color", type: { kind: "color" }, description: "" }, "_F00", span, errors); // "FF0000"
 */
export function validateJdValue(
  code: string,
  spec: JdParamSpec,
  raw: string,
  span: Span,
  errors: SyntaxIssue[],
): ParamValue | undefined {
  if (spec.type.kind !== "color") return validateParam(code, { ...spec }, raw, span, errors);
  const m = JD_COLOR.exec(raw);
  const hex = m?.[1];
  if (hex === undefined) {
    const message = `\`${spec.name}\` of \`${code}\` must be \`_RRGGBB\` or \`_RGB\` (hex digits after \`_\`), got ${got(raw)}`;
    errors.push(issue("InvalidValue", message, span, { operation: code, parameter: spec.name }));
    return undefined;
  }
  return hex.length === 6 ? hex : [...hex].map((c) => c + c).join("");
}
