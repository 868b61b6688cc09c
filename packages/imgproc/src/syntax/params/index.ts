import type { SyntaxIssue } from "../ast.ts";
import { decodeBase64Url } from "../base64/index.ts";
import type { ParamSpec } from "../catalogue/types.ts";
import { expected, invalidValueMessage, issue, type Span, subject } from "../issues/index.ts";

/** A parameter's typed value: numbers for int/flag, strings for enum/colour/decoded Base64. */
export type ParamValue = number | string;

const INTEGER = /^-?[0-9]+$/;
const COLOR = /^[0-9A-Fa-f]{6}$/;

/**
 * Checks one raw parameter value against its spec; pushes a positioned issue and returns undefined
 * when it is bad. `span` covers the raw value in the input (used for the issue's position).
 * @example
 * const errors: SyntaxIssue[] = [];
 * validateParam("resize", spec, "0", { offset: 9, length: 1 }, errors); // undefined, errors[0].ossCode "0040-00000321"
 */
export function validateParam(
  operation: string,
  spec: ParamSpec,
  raw: string,
  span: Span,
  errors: SyntaxIssue[],
): ParamValue | undefined {
  if (raw === "") {
    const message = `${cap(subject(operation, spec.name))} needs a value: ${expected(spec.type)}`;
    errors.push(
      issue("MissingValue", message, span, { operation, parameter: spec.name, ossCode: spec.codes?.missing }),
    );
    return undefined;
  }
  const type = spec.type;
  switch (type.kind) {
    case "int": {
      if (!INTEGER.test(raw)) return bad(operation, spec, raw, span, errors, "InvalidValue");
      const n = Number(raw);
      if (n < type.min || n > type.max) return bad(operation, spec, raw, span, errors, "OutOfRange", n === 0);
      return n === 0 ? 0 : n; // normalises "-0"
    }
    case "flag": {
      const n = INTEGER.test(raw) ? Number(raw) : Number.NaN;
      return type.values.includes(n) ? n : bad(operation, spec, raw, span, errors, "InvalidValue", n === 0);
    }
    case "enum":
      return type.values.includes(raw) ? raw : bad(operation, spec, raw, span, errors, "InvalidValue");
    case "color":
      return COLOR.test(raw) ? raw : bad(operation, spec, raw, span, errors, "InvalidValue");
    case "base64":
      return validateBase64(operation, spec, raw, span, errors);
  }
}

// Module-level helpers rather than closures: this runs once per parameter on every keystroke.
function bad(
  operation: string,
  spec: ParamSpec,
  raw: string,
  span: Span,
  errors: SyntaxIssue[],
  code: "InvalidValue" | "OutOfRange",
  zero = false,
): undefined {
  const ossCode = (zero ? spec.codes?.zero : undefined) ?? spec.codes?.invalid;
  const message = invalidValueMessage(operation, spec.name, spec.type, raw);
  errors.push(issue(code, message, span, { operation, parameter: spec.name, ossCode }));
  return undefined;
}

function validateBase64(
  operation: string,
  spec: ParamSpec,
  raw: string,
  span: Span,
  errors: SyntaxIssue[],
): string | undefined {
  const type = spec.type;
  if (type.kind !== "base64") return undefined;
  const where = { operation, parameter: spec.name, ossCode: spec.codes?.invalid };
  const decoded = decodeBase64Url(raw);
  if (!decoded.ok) {
    const at = { offset: span.offset + Math.min(decoded.at, Math.max(raw.length - 1, 0)), length: 1 };
    const message = `${cap(subject(operation, spec.name))} must be URL-safe Base64: ${decoded.reason}`;
    errors.push(issue("InvalidBase64", message, at, where));
    return undefined;
  }
  const text = decoded.text;
  const tooLong = type.maxChars !== undefined && [...text].length > type.maxChars;
  if (text === "" || tooLong || (type.values && !type.values.includes(text))) {
    const message = `${cap(subject(operation, spec.name))} must be ${expected(type)}, got ${quote(text)} (decoded from \`${raw.length > 30 ? `${raw.slice(0, 27)}…` : raw}\`)`;
    errors.push(issue(tooLong ? "OutOfRange" : "InvalidValue", message, span, where));
    return undefined;
  }
  return text;
}

/** JSON quoting, so control characters decoded from Base64 show as escapes, never raw. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}…` : text);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
