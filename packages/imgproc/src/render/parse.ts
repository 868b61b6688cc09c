import type { Process, SyntaxIssue } from "../syntax/index.ts";
import { parseProcess, parseProcessQuery } from "../syntax/index.ts";
import { RenderError } from "./error.ts";

/** A syntax error as the HTTP answer OSS gives: 400, InvalidArgument (MissingArgument when absent). */
function syntaxError(issue: SyntaxIssue | undefined, text: string): RenderError {
  if (!issue) return new RenderError(400, "InvalidArgument", `The process "${text}" is invalid.`);
  const code =
    issue.code === "MissingParameter" || issue.code === "MissingValue"
      ? "MissingArgument"
      : "InvalidArgument";
  const where = `(at character ${issue.offset + 1})`;
  return new RenderError(400, code, `${issue.message} ${where}`, issue.ossCode);
}

/**
 * Turns a process string into the AST through the syntax half: a value (`image/…`, `img/…`,
 * `style/x`, `imginfo`) or, when it starts with `?`, a whole URL query judged by the access rules.
 * `null` means the query carries no processing keyword (serve the original).
 * @example
 * toProcess("image/resize,w_200"); // { kind: "image", operations: [{ op: "resize", w: 200 }] }
 * toProcess("?x-oss-process=img/s/200/300"); // { kind: "img", operations: [...] }
 */
export function toProcess(text: string): Process | null {
  if (text.startsWith("?")) {
    const result = parseProcessQuery(text);
    if (!result.ok) throw syntaxError(result.errors[0], text);
    return result.process;
  }
  const result = parseProcess(text);
  if (!result.ok) throw syntaxError(result.errors[0], text);
  return result.value;
}
