import type { Process, SyntaxIssue } from "../syntax/index.ts";
import { parseProcess, parseProcessQuery, serialize } from "../syntax/index.ts";
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

/**
 * Checks a Process built by hand (not by the parser) the same way as a string: written out by the
 * syntax half and parsed back, so out-of-range values get the same positioned 400 instead of
 * reaching sharp.
 * @example
 * validated({ kind: "image", operations: [{ op: "resize", w: 0 }] }); // throws 400 InvalidArgument
 */
export function validated(process: Process): Process {
  const text = serialize(process);
  if (!text.ok) throw syntaxError(text.errors[0], process.kind);
  const parsed = toProcess(text.value);
  if (!parsed) throw new RenderError(400, "InvalidArgument", "The process is empty.");
  return parsed;
}
