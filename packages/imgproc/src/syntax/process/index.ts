import { parseImageActions, styleNameIssue } from "../alibaba/index.ts";
import type { ParseResult, Process, SyntaxIssue } from "../ast.ts";
import { issue } from "../issues/index.ts";
import { parseJdActions } from "../jd/parse.ts";

const KINDS = "`image/…` or `style/<name>` (Alibaba), `img/…`, `imgalias/<name>`, `imginfo`, `imgexif` (JD)";

/**
 * Parses one processing value, what follows `x-oss-process=` (or a JD keyword in the old form):
 * `image/…`, `style/<name>`, `img/…`, `imgalias/<name>`, `imginfo[/ns]`, `imgexif`.
 * Never throws: problems come back as positioned issues (offsets into `input`), all of them, in order.
 * @example
 * parseProcess("image/resize,w_200/quality,q_90");
 * // { ok: true, value: { kind: "image", operations: [{ op: "resize", w: 200 }, { op: "quality", q: 90 }] }, warnings: [] }
 * parseProcess("image/resize,w_0,h_0"); // { ok: false, errors: [{ code: "OutOfRange", ossCode: "0040-00000321", offset: 15, … }, …] }
 */
export function parseProcess(input: string): ParseResult<Process> {
  try {
    return parseUnsafe(input);
  } catch (cause) {
    // A bug of ours must still reach the editor as an issue, never as an exception.
    const message = `Internal error while parsing: ${cause instanceof Error ? cause.message : String(cause)}`;
    return {
      ok: false,
      errors: [issue("InvalidValue", message, { offset: 0, length: input.length })],
      warnings: [],
    };
  }
}

function parseUnsafe(input: string): ParseResult<Process> {
  const errors: SyntaxIssue[] = [];
  const warnings: SyntaxIssue[] = [];
  const done = (value: Process): ParseResult<Process> =>
    errors.length > 0 ? { ok: false, errors: sorted(errors), warnings } : { ok: true, value, warnings };
  const slash = input.indexOf("/");
  const kind = slash < 0 ? input : input.slice(0, slash);
  const rest = slash < 0 ? "" : input.slice(slash + 1);
  const from = slash + 1;
  switch (kind) {
    case "image":
      if (slash < 0)
        errors.push(
          issue(
            "Empty",
            "`image` must be followed by `/` and actions, e.g. `image/resize,w_200`",
            { offset: 0, length: input.length },
            { ossCode: "0040-00000212" },
          ),
        );
      return done({
        kind: "image",
        operations: slash < 0 ? [] : parseImageActions(input, from, input.length, { errors, warnings }),
      });
    case "style": {
      const bad = styleNameIssue(rest, slash < 0 ? input.length : from);
      if (bad) errors.push(bad);
      return done({ kind: "style", name: rest });
    }
    case "img":
      if (slash < 0)
        errors.push(
          issue("Empty", "`img` must be followed by `/` and actions, e.g. `img/s/200/300`", {
            offset: 0,
            length: input.length,
          }),
        );
      return done({
        kind: "img",
        operations:
          slash < 0 ? [] : parseJdActions(input, from, input.length, { errors, warnings }).operations,
      });
    case "imgalias":
      if (rest === "")
        errors.push(
          issue("Empty", "`imgalias` must be followed by `/<style name>`", {
            offset: 0,
            length: input.length,
          }),
        );
      else if (rest.includes("/"))
        errors.push(
          issue("InvalidStyleName", "A JD style name cannot contain `/`", {
            offset: from,
            length: rest.length,
          }),
        );
      return done({ kind: "imgalias", name: rest });
    case "imginfo":
      if (slash >= 0 && rest !== "ns") {
        errors.push(
          issue("InvalidValue", `\`imginfo\` takes only \`/ns\` after it, got \`${rest}\``, {
            offset: slash,
            length: input.length - slash,
          }),
        );
      }
      return done({ kind: "imginfo", keepMetadata: rest === "ns" });
    case "imgexif":
      if (slash >= 0)
        errors.push(
          issue("TooManyValues", "`imgexif` takes no parameters", {
            offset: slash,
            length: input.length - slash,
          }),
        );
      return done({ kind: "imgexif" });
  }
  if (input === "") {
    errors.push(issue("Empty", `Nothing to parse: expected ${KINDS}`, { offset: 0, length: 0 }));
  } else {
    const lower = kind.toLowerCase();
    const hint = ["image", "style", "img", "imgalias", "imginfo", "imgexif"].includes(lower)
      ? ` (keywords are case-sensitive: write \`${lower}\`)`
      : input.includes("x-oss-process=")
        ? " (this looks like a URL query: give only what follows `x-oss-process=`, or use parseProcessQuery)"
        : "";
    errors.push(
      issue(
        "UnknownProcessKind",
        `Unknown processing kind \`${kind.slice(0, 30)}\`${hint}: expected ${KINDS}`,
        { offset: 0, length: kind.length },
      ),
    );
  }
  return { ok: false, errors, warnings };
}

/** Issues in input order (a parameter error before a later action's), stable for equal offsets. */
function sorted(issues: SyntaxIssue[]): SyntaxIssue[] {
  return issues
    .map((i, n) => [i, n] as const)
    .sort((a, b) => a[0].offset - b[0].offset || a[1] - b[1])
    .map(([i]) => i);
}
