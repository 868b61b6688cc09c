import { split } from "../alibaba/split.ts";
import type { JdOperation, SyntaxIssue } from "../ast.ts";
import { expected, got, issue, type Span } from "../issues/index.ts";
import type { ParamValue } from "../params/index.ts";
import {
  JD_MAX_ACTIONS,
  JD_MAX_BYTES,
  JD_WATERMARK_OPTIONS,
  type JdActionSpec,
  jdActionByCode,
} from "./actions.ts";
import { jdNode } from "./nodes.ts";

/** Where a token stands in the input, as an issue's offset and length. */
const span = (t: { start: number; end: number }) => ({ offset: t.start, length: t.end - t.start });

import { validateJdValue } from "./values.ts";

export interface JdContext {
  errors: SyntaxIssue[];
  warnings: SyntaxIssue[];
}

/** The parsed actions, with the span each one covers in the input (for the converter's report). */
export interface JdActions {
  operations: JdOperation[];
  spans: Span[];
}

const encoder = new TextEncoder();

/**
 * Parses the flat token list of a JD `img/…` value; `src[from, to)` is what follows `img/`.
 * Enforces the documented limits: at most 100 actions, at most 1024 bytes for `img/…`.
 * @example
 * parseJdActions("img/s/200/300/cc/200/260", 4, 24, { errors: [], warnings: [] }).operations;
 * // [{ op: "resize", m: "lfit", w: 200, h: 300 }, { op: "jd-cc", w: 200, h: 260 }]
 */
export function parseJdActions(src: string, from: number, to: number, ctx: JdContext): JdActions {
  const out: JdActions = { operations: [], spans: [] };
  const bytes = encoder.encode(src.slice(Math.max(from - 4, 0), to)).length;
  if (bytes > JD_MAX_BYTES) {
    const message = `The processing part is ${bytes} bytes; JD allows at most ${JD_MAX_BYTES}`;
    ctx.errors.push(
      issue("TooLong", message, { offset: Math.max(from - 4, 0), length: to - Math.max(from - 4, 0) }),
    );
  }
  if (from >= to) {
    ctx.errors.push(
      issue("Empty", "`img/` needs at least one action, e.g. `img/s/200/300`", {
        offset: Math.max(from - 1, 0),
        length: from > 0 ? 1 : 0,
      }),
    );
    return out;
  }
  const tokens = split(src, from, to, "/");
  let i = 0;
  let count = 0;
  while (i < tokens.length) {
    const token = tokens[i++];
    if (!token) break;
    const at = span(token);
    if (token.text === "") {
      ctx.errors.push(
        issue("Empty", "Empty action: remove the extra `/`", {
          offset: Math.max(token.start - 1, 0),
          length: 1,
        }),
      );
      continue;
    }
    const spec = jdActionByCode.get(token.text);
    if (!spec) {
      ctx.errors.push(issue("UnknownOperation", unknownJdMessage(token.text), at));
      continue;
    }
    if (++count === JD_MAX_ACTIONS + 1) {
      const message = `JD allows at most ${JD_MAX_ACTIONS} actions per request (repeated actions each count)`;
      ctx.errors.push(
        issue(
          "TooManyActions",
          message,
          { offset: token.start, length: to - token.start },
          { operation: spec.code },
        ),
      );
    }
    const before = ctx.errors.length;
    const values: Record<string, ParamValue> = {};
    i = readValues(spec, tokens, i, values, token, ctx);
    if (spec.options) i = readOptions(spec, tokens, i, values, token, ctx);
    const last = tokens[i - 1] ?? token;
    if (ctx.errors.length > before) continue;
    const node = jdNode(spec.code, values);
    if (node) {
      out.operations.push(node);
      out.spans.push({ offset: token.start, length: last.end - token.start });
    }
  }
  return out;
}

type Tokens = ReturnType<typeof split>;

function readValues(
  spec: JdActionSpec,
  tokens: Tokens,
  i: number,
  values: Record<string, ParamValue>,
  head: Tokens[number],
  ctx: JdContext,
): number {
  for (const p of spec.params) {
    const t = tokens[i];
    if (p.optional && !t?.text.startsWith("_")) continue;
    if (!t) {
      const message = `\`${spec.code}\` needs \`${p.name}\` after it: ${expected(p.type)}`;
      ctx.errors.push(
        issue("MissingValue", message, span(head), { operation: spec.code, parameter: p.name }),
      );
      return i;
    }
    const v = validateJdValue(spec.code, p, t.text, span(t), ctx.errors);
    if (v !== undefined) values[p.name] = v;
    i++;
  }
  return i;
}

/** Watermark options: `w*` tokens each followed by one value, until the first token that is not one. */
function readOptions(
  spec: JdActionSpec,
  tokens: Tokens,
  i: number,
  values: Record<string, ParamValue>,
  head: Tokens[number],
  ctx: JdContext,
): number {
  const options = spec.options ?? [];
  const seen = new Set<string>();
  for (;;) {
    const key = tokens[i];
    const option = key && options.find((o) => o.name === key.text);
    if (!key || !option) break;
    const keySpan = span(key);
    if (seen.has(option.name)) {
      const message = `\`${option.name}\` is given twice in this \`${spec.code}\`; the last one wins`;
      ctx.warnings.push(
        issue("DuplicateParameter", message, keySpan, { operation: spec.code, parameter: option.name }),
      );
    }
    seen.add(option.name);
    const value = tokens[i + 1];
    if (!value) {
      const message = `\`${option.name}\` of \`${spec.code}\` needs a value: ${expected(option.type)}`;
      ctx.errors.push(
        issue("MissingValue", message, keySpan, { operation: spec.code, parameter: option.name }),
      );
      return i + 1;
    }
    const v = validateJdValue(spec.code, option, value.text, span(value), ctx.errors);
    if (v !== undefined) values[option.name] = v;
    i += 2;
  }
  for (const o of options) {
    if (o.required && !seen.has(o.name)) {
      const message = `\`${spec.code}\` needs \`${o.name}/…\`: ${o.description}`;
      ctx.errors.push(
        issue("MissingParameter", message, span(head), { operation: spec.code, parameter: o.name }),
      );
    }
  }
  return i;
}

function unknownJdMessage(code: string): string {
  if (JD_WATERMARK_OPTIONS.has(code)) {
    return `\`${code}\` configures a watermark: it must follow \`wmt\` or \`wmi\` (or another of their w* options)`;
  }
  const codes = [...jdActionByCode.keys()];
  const near = codes.find((c) => c.toLowerCase() === code.toLowerCase());
  if (near) return `Unknown JD action ${got(code)}: codes are case-sensitive, did you mean \`${near}\`?`;
  return `Unknown JD action (or a value with no action before it) ${got(code)}: expected one of ${codes.join(", ")}`;
}
