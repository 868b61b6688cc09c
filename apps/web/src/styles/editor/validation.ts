import { parseProcess, type SyntaxIssue } from "@style-console/imgproc/syntax";
import type { MessageKey } from "../../i18n/en.ts";
import { syntaxMessage } from "../../i18n/syntax-messages.ts";
import type { Locale, Params } from "../../i18n/translate.ts";
import { checkStyleName } from "../../lib/style-name.ts";

export interface PositionedIssue {
  offset: number;
  length: number;
  message: string;
}

export type ContentCheck =
  | { ok: true; operations: number; kind: string; value: unknown; warnings: PositionedIssue[] }
  | { ok: false; issues: PositionedIssue[]; warnings: PositionedIssue[] };

// OSS refuses these in a style's content whatever the operations say (EC 0017-00000253). The same rule
// as the BFF's contract/style-content.ts; see the report for moving both into imgproc/syntax.
const forbidden = /[;()'*?]/g;

type Translate = (key: MessageKey, params?: Params) => string;

/**
 * Validates a style content as the server will: the syntax package's parser, plus the two rules of a
 * *style* (no forbidden characters; an `image/…` chain, not `style/…` or JD's `img/…`). Never throws.
 */
export function checkContent(content: string, t: Translate, locale: Locale = "en"): ContentCheck {
  const toIssue = (issue: SyntaxIssue): PositionedIssue => ({
    offset: issue.offset,
    length: issue.length,
    message: syntaxMessage(issue, locale),
  });
  const issues: PositionedIssue[] = [];
  for (const match of content.matchAll(forbidden))
    issues.push({
      offset: match.index,
      length: 1,
      message: t("editor.content.forbidden", { char: match[0] }),
    });
  const result = parseProcess(content);
  // Warnings (an unknown parameter OSS ignores, a repeated one) never block a save but deserve a look.
  const warnings = result.warnings.map(toIssue);
  if (!result.ok) return { ok: false, issues: [...issues, ...result.errors.map(toIssue)], warnings };
  const value = result.value;
  if (value.kind !== "image") {
    const slash = content.indexOf("/");
    const length = slash === -1 ? content.length : slash;
    const message = t("editor.content.notImage", { kind: value.kind });
    return { ok: false, issues: [...issues, { offset: 0, length, message }], warnings };
  }
  if (issues.length > 0) return { ok: false, issues, warnings };
  return { ok: true, operations: value.operations.length, kind: value.kind, value, warnings };
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
