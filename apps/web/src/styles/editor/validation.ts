import { parseProcess, type SyntaxIssue } from "@style-console/imgproc/syntax";
import type { MessageKey } from "../../i18n/en.ts";
import type { Params } from "../../i18n/translate.ts";
import { checkStyleName } from "../../lib/style-name.ts";

export interface PositionedIssue {
  offset: number;
  length: number;
  message: string;
}

export type ContentCheck =
  | { ok: true; operations: number; kind: string; value: unknown }
  | { ok: false; issues: PositionedIssue[] };

/** Validates a style content with the same parser the server uses; never throws. */
export function checkContent(content: string): ContentCheck {
  const result = parseProcess(content);
  if (result.ok) {
    const value = result.value;
    const operations = "operations" in value ? value.operations.length : 1;
    return { ok: true, operations, kind: value.kind, value };
  }
  return { ok: false, issues: result.errors.map(toIssue) };
}

function toIssue(issue: SyntaxIssue): PositionedIssue {
  return { offset: issue.offset, length: issue.length, message: issue.message };
}

/** The message for a name problem, as a dictionary key and its parameters (1-based positions). */
export function nameMessage(name: string): { key: MessageKey; params?: Params; offset: number } | null {
  const problem = checkStyleName(name);
  if (!problem) return null;
  switch (problem.code) {
    case "empty":
      return { key: "editor.name.empty", offset: 0 };
    case "tooLong":
      return { key: "editor.name.tooLong", params: { length: problem.length }, offset: 63 };
    case "badChar":
      return {
        key: "editor.name.badChar",
        params: { char: problem.char, position: problem.offset + 1 },
        offset: problem.offset,
      };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** The positioned errors a 400 from the BFF carries in `details` (an array, or `{ errors }`). */
export function serverIssues(details: unknown): PositionedIssue[] {
  const list = Array.isArray(details)
    ? details
    : isRecord(details) && Array.isArray(details.errors)
      ? details.errors
      : [];
  return list.flatMap((e: unknown) =>
    isRecord(e) && typeof e.offset === "number" && typeof e.message === "string"
      ? [{ offset: e.offset, length: typeof e.length === "number" ? e.length : 0, message: e.message }]
      : [],
  );
}
