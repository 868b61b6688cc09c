import type { ApiErrorBody } from "@style-console/contract/errors";
import { styleNameIssues } from "@style-console/contract/names";
import { checkStyleContent, parseProcess, type SyntaxIssue } from "@style-console/imgproc/syntax";
import type { MessageKey } from "../../i18n/en.ts";
import { syntaxMessage } from "../../i18n/syntax-messages.ts";
import type { Locale, Params } from "../../i18n/translate.ts";

export interface PositionedIssue {
  offset: number;
  length: number;
  message: string;
}

export type ContentCheck =
  | { ok: true; operations: number; kind: string; value: unknown; warnings: PositionedIssue[] }
  | { ok: false; issues: PositionedIssue[]; warnings: PositionedIssue[] };

type Translate = (key: MessageKey, params?: Params) => string;

/**
 * Validates a style content as the server will, with the syntax package's one rule for a style's
 * content (`checkStyleContent`: the parser, no forbidden character, an `image/…` chain and not `style/…`
 * or JD's `img/…`), the messages in the console's language. Never throws.
 */
export function checkContent(content: string, t: Translate, locale: Locale = "en"): ContentCheck {
  const message = (issue: SyntaxIssue): string => {
    if (issue.code === "ForbiddenCharacter")
      return t("editor.content.forbidden", { char: content.slice(issue.offset, issue.offset + 1) });
    if (issue.code === "UnsupportedProcessKind") {
      const parsed = parseProcess(content);
      return t("editor.content.notImage", { kind: parsed.ok ? parsed.value.kind : "?" });
    }
    return syntaxMessage(issue, locale);
  };
  const toIssue = (issue: SyntaxIssue): PositionedIssue => ({
    offset: issue.offset,
    length: issue.length,
    message: message(issue),
  });
  // Empty: say what can be saved, not every kind the parser knows (style/…, JD's img/… cannot be).
  if (content === "")
    return {
      ok: false,
      issues: [{ offset: 0, length: 0, message: t("editor.content.empty") }],
      warnings: [],
    };
  const result = checkStyleContent(content);
  // Warnings (an unknown parameter OSS ignores, a repeated one) never block a save but deserve a look.
  const warnings = result.warnings.map(toIssue);
  if (!result.ok) return { ok: false, issues: result.errors.map(toIssue), warnings };
  return {
    ok: true,
    operations: result.operations.length,
    kind: "image",
    value: result.operations,
    warnings,
  };
}

/** The message for a name problem, as a dictionary key and its parameters (1-based positions). */
export function nameMessage(name: string): { key: MessageKey; params?: Params; offset: number } | null {
  // The contract's one rule; a bad character is shown before the length, as it is what to fix first.
  const issues = styleNameIssues(name);
  const problem = issues.find((issue) => issue.code === "InvalidCharacter") ?? issues[0];
  switch (problem?.code) {
    case undefined:
      return null;
    case "InvalidCharacter":
      return {
        key: "editor.name.badChar",
        params: { char: problem.char, position: problem.offset + 1 },
        offset: problem.offset,
      };
    case "TooLong":
      return { key: "editor.name.tooLong", params: { length: problem.actual }, offset: problem.offset };
    default:
      return { key: "editor.name.empty", offset: 0 };
  }
}

/** The positioned errors of a 400 `InvalidStyleContent` (its typed `details.errors`); none for any other error. */
export function serverIssues(body: ApiErrorBody["error"] | null | undefined): PositionedIssue[] {
  if (body?.code !== "InvalidStyleContent") return [];
  return (body.details?.errors ?? []).map(({ offset, length, message }) => ({
    offset,
    length,
    message,
  }));
}
