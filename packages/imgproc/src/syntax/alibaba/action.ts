import type { Operation, SyntaxIssue } from "../ast.ts";
import { getOperationSpec, OPERATION_NAMES } from "../catalogue/index.ts";
import type { CheckReport, OperationSpec, ParamSpec } from "../catalogue/types.ts";
import { expected, got, issue, type Span, subject } from "../issues/index.ts";
import { WATERMARK_REFUSED_CODES } from "../operations/watermark.ts";
import { type ParamValue, validateParam } from "../params/index.ts";
import { type Piece, split } from "./split.ts";

export interface ActionContext {
  errors: SyntaxIssue[];
  warnings: SyntaxIssue[];
  /** Inside a watermark image's own processing: a restricted set of actions, and `resize,P_`. */
  allowed?: readonly string[];
}

const span = (p: Piece): Span => ({ offset: p.start, length: p.end - p.start });

/**
 * Parses one action (`resize,w_200,h_100`) at `src[from, to)` into its node, pushing every problem
 * it finds; returns undefined when the action has errors.
 * @example
 * parseAction("resize,w_200", 0, 12, { errors: [], warnings: [] }); // { op: "resize", w: 200 }
 */
export function parseAction(
  src: string,
  from: number,
  to: number,
  ctx: ActionContext,
): Operation | undefined {
  const tokens = split(src, from, to, ",");
  const [head, ...rest] = tokens;
  if (!head) return undefined;
  const spec = getOperationSpec(head.text);
  if (!spec) {
    ctx.errors.push(
      issue("UnknownOperation", unknownMessage(head.text), span(head), { ossCode: "0040-00000213" }),
    );
    return undefined;
  }
  if (ctx.allowed && !ctx.allowed.includes(spec.name)) {
    const what = spec.name === "watermark" ? "nested watermarks are not supported: " : "";
    const message = `${what}\`${spec.name}\` cannot be used in a watermark image's processing (allowed: ${ctx.allowed.join(", ")})`;
    const ossCode = WATERMARK_REFUSED_CODES[spec.name];
    ctx.errors.push(issue("InvalidValue", message, span(head), { operation: spec.name, ossCode }));
    return undefined;
  }
  const before = ctx.errors.length;
  const node: Record<string, ParamValue> = {};
  const spans = new Map<string, Span>();
  if (spec.form === "none") {
    const first = rest[0];
    const last = rest[rest.length - 1];
    if (first && last) {
      const at = { offset: first.start, length: last.end - first.start };
      ctx.errors.push(
        issue("TooManyValues", `\`${spec.name}\` takes no parameters`, at, { operation: spec.name }),
      );
    }
  } else if (spec.form === "bare") {
    parseBare(spec, head, rest, node, ctx);
  } else {
    parseKeyed(spec, rest, node, spans, ctx);
  }
  const actionSpan = { offset: from, length: to - from };
  for (const p of spec.params) {
    if (p.required && node[p.name] === undefined && !hasError(ctx.errors, before, p.name)) {
      const message = `${capital(subject(spec.name, p.name))} is required: ${expected(p.type)}`;
      const code = spec.form === "bare" ? "MissingValue" : "MissingParameter";
      ctx.errors.push(
        issue(code, message, actionSpan, {
          operation: spec.name,
          parameter: p.name,
          ossCode: p.codes?.missing,
        }),
      );
    }
  }
  if (ctx.errors.length > before) return undefined;
  spec.check?.(node, new CheckReporter(spec, spans, actionSpan, ctx));
  if (ctx.errors.length > before) return undefined;
  return { op: spec.name, ...node } as Operation;
}

/**
 * Positions the issues of a cross-parameter check: on the parameter when it names one, else on the
 * whole action. A class, not closures: it is built for every checked action on every keystroke.
 */
class CheckReporter implements CheckReport {
  constructor(
    private readonly spec: OperationSpec,
    private readonly spans: Map<string, Span>,
    private readonly actionSpan: Span,
    private readonly ctx: ActionContext,
  ) {}

  private place(i: Omit<SyntaxIssue, "offset" | "length" | "operation">): SyntaxIssue {
    const span = (i.parameter ? this.spans.get(i.parameter) : undefined) ?? this.actionSpan;
    return { ...i, ...span, operation: this.spec.name };
  }

  error(i: Omit<SyntaxIssue, "offset" | "length" | "operation">): void {
    this.ctx.errors.push(this.place(i));
  }

  warning(i: Omit<SyntaxIssue, "offset" | "length" | "operation">): void {
    this.ctx.warnings.push(this.place(i));
  }
}

function parseBare(
  spec: OperationSpec,
  head: Piece,
  rest: Piece[],
  node: Record<string, ParamValue>,
  ctx: ActionContext,
) {
  const param = spec.params[0];
  const [value, ...extra] = rest;
  if (!param || !value) return; // the required check reports the missing value
  const first = extra[0];
  const last = extra[extra.length - 1];
  if (first && last) {
    const extraText = first === last ? first.text : `${first.text},…`;
    const message = `\`${spec.name}\` takes exactly one value, e.g. \`${head.text},${example(param)}\`; remove ${got(extraText)}`;
    const at = { offset: first.start, length: last.end - first.start };
    ctx.errors.push(issue("TooManyValues", message, at, { operation: spec.name, ossCode: "0040-00000203" }));
  }
  const v = validateParam(spec.name, param, value.text, span(value), ctx.errors);
  if (v !== undefined) node[param.name] = v;
}

function parseKeyed(
  spec: OperationSpec,
  tokens: Piece[],
  node: Record<string, ParamValue>,
  spans: Map<string, Span>,
  ctx: ActionContext,
) {
  const where = { operation: spec.name };
  for (const token of tokens) {
    const cut = token.text.indexOf("_");
    if (cut < 0) {
      const eg = spec.params[0] ? `\`${spec.params[0].name}_${example(spec.params[0])}\`` : "`key_value`";
      const message =
        token.text === ""
          ? `Empty parameter in \`${spec.name}\`: expected \`key_value\`, e.g. ${eg}`
          : `\`${spec.name}\` takes \`key_value\` parameters, e.g. ${eg}; got ${got(token.text)}`;
      ctx.errors.push(issue("InvalidValue", message, span(token), { ...where, ossCode: spec.bareValueCode }));
      continue;
    }
    const key = token.text.slice(0, cut);
    const param = spec.params.find((p) => p.name === key);
    const keySpan = { offset: token.start, length: cut };
    if (!param || (param.watermarkOnly && !ctx.allowed)) {
      ctx.warnings.push(
        issue("UnknownParameter", unknownParamMessage(spec, key, param), keySpan, {
          ...where,
          parameter: key,
        }),
      );
      continue;
    }
    if (spans.has(key)) {
      const message = `\`${key}\` is given twice in \`${spec.name}\`; the last one wins`;
      ctx.warnings.push(issue("DuplicateParameter", message, keySpan, { ...where, parameter: key }));
    }
    const valueSpan = { offset: token.start + cut + 1, length: token.end - token.start - cut - 1 };
    spans.set(key, valueSpan);
    const v = validateParam(spec.name, param, token.text.slice(cut + 1), valueSpan, ctx.errors);
    if (v !== undefined) node[key] = v;
  }
}

function hasError(errors: SyntaxIssue[], from: number, parameter: string): boolean {
  return errors.slice(from).some((e) => e.parameter === parameter);
}

function example(p: ParamSpec): string {
  const t = p.type;
  if (p.default !== undefined) return String(p.default);
  if (t.kind === "int") return String(Math.max(t.min, Math.min(t.max, 100)));
  if (t.kind === "enum") return t.values[0] ?? "";
  if (t.kind === "flag") return String(t.values[0] ?? 0);
  return t.kind === "color" ? "FFFFFF" : "…";
}

function unknownMessage(name: string): string {
  const near = OPERATION_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
  if (name === "") return "Missing action name, e.g. `resize,w_200`";
  if (near) return `Unknown action ${got(name)}: action names are case-sensitive, did you mean \`${near}\`?`;
  return `Unknown action ${got(name)}: expected one of ${OPERATION_NAMES.join(", ")}`;
}

function unknownParamMessage(spec: OperationSpec, key: string, param: ParamSpec | undefined): string {
  if (param)
    return `\`${key}\` of \`${spec.name}\` is only accepted inside a watermark image's processing; OSS ignores it here`;
  const names = spec.params.filter((p) => !p.watermarkOnly).map((p) => p.name);
  const near = names.find((n) => n.toLowerCase() === key.toLowerCase());
  const hint = near ? `did you mean \`${near}\`?` : `expected one of ${names.join(", ")}`;
  return `Unknown parameter \`${key}\` of \`${spec.name}\` (ignored): ${hint}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
