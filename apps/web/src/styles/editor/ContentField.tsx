import { lazy, Suspense, useId, useMemo, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { stripTicks } from "../../lib/ticks.ts";
import type { PasteReading } from "./code/paste.ts";
import type { EditorIssue } from "./code/StyleCodeEditor.tsx";
import { PasteNotice } from "./PasteNotice.tsx";
import type { ContentCheck, PositionedIssue } from "./validation.ts";

// CodeMirror is ~100 KB of script: it loads with the editor, never with the list.
// Its download starts with the editor route's module (not when the field first renders, after the style
// has loaded), so the two load in parallel.
const loadCodeEditor = () => import("./code/StyleCodeEditor.tsx");
void loadCodeEditor();
const StyleCodeEditor = lazy(loadCodeEditor);

/**
 * The content field: the code editor (lazy), what a paste turned into, and the content's messages
 * below it (its errors with their positions, its warnings, or "Valid: n operations").
 * `issues` are the errors to show (the client's check, or the server's positioned refusal); positions
 * are in the trimmed text, and are moved here onto what was typed (leading spaces included).
 */
export function ContentField({
  id,
  content,
  check,
  issues,
  show,
  autoFocus,
  onChange,
}: {
  /** The editable element's id, so a failed save can focus it. */
  id: string;
  content: string;
  check: ContentCheck;
  issues: readonly PositionedIssue[];
  /** Messages show once something is typed or a save was attempted. */
  show: boolean;
  autoFocus: boolean;
  onChange: (content: string) => void;
}) {
  const { t } = useI18n();
  const labelId = useId();
  const messagesId = useId();
  const [pasted, setPasted] = useState<Exclude<PasteReading, { kind: "text" }> | null>(null);
  const lead = content.length - content.trimStart().length;
  const editorIssues = useMemo<EditorIssue[]>(
    () =>
      show
        ? [
            ...issues.map((i) => ({ ...i, offset: i.offset + lead, severity: "error" as const })),
            ...check.warnings.map((i) => ({ ...i, offset: i.offset + lead, severity: "warning" as const })),
          ]
        : [],
    [show, issues, check.warnings, lead],
  );

  return (
    <div className="field">
      {/* The editable element is CodeMirror's, not a form control: the label names it by id. */}
      {/* biome-ignore lint/a11y/noLabelWithoutControl: aria-labelledby on CodeMirror's content. */}
      <label id={labelId}>{t("editor.content")}</label>
      <Suspense fallback={<div className="code-editor code-editor-loading" aria-busy="true" />}>
        <StyleCodeEditor
          id={id}
          labelledBy={labelId}
          describedBy={messagesId}
          value={content}
          onChange={onChange}
          issues={editorIssues}
          invalid={show && issues.length > 0}
          placeholderText={t("editor.contentHint")}
          onPasteReading={setPasted}
          autoFocus={autoFocus}
        />
      </Suspense>
      {pasted ? (
        <PasteNotice
          reading={pasted}
          onUndo={(raw) => {
            onChange(raw);
            setPasted(null);
          }}
          onDismiss={() => setPasted(null)}
        />
      ) : null}
      <ContentMessages id={messagesId} check={check} issues={issues} show={show} />
    </div>
  );
}

/** The messages under the content: its errors, or that it is valid (with the count), then its warnings. */
export function ContentMessages({
  id,
  check,
  issues,
  show,
}: {
  id: string;
  check: ContentCheck;
  issues: readonly PositionedIssue[];
  show: boolean;
}) {
  const { t } = useI18n();
  return (
    <div id={id} className="field-messages">
      {show && issues.length > 0 ? (
        <ul className="issue-list">
          {issues.map((issue) => (
            <li key={`${issue.offset}-${issue.message}`} className="field-error">
              {t("editor.content.errorAt", {
                position: issue.offset + 1,
                message: stripTicks(issue.message),
              })}
            </li>
          ))}
        </ul>
      ) : check.ok ? (
        <p className="field-ok">
          {check.operations === 1
            ? t("editor.content.validOne")
            : t("editor.content.valid", { count: check.operations })}
        </p>
      ) : (
        <p className="field-hint">{t("editor.contentHint")}</p>
      )}
      {show && check.warnings.length > 0 ? (
        <ul className="issue-list">
          {check.warnings.map((w) => (
            <li key={`${w.offset}-${w.message}`} className="field-warning">
              {t("editor.content.warningAt", { position: w.offset + 1, message: stripTicks(w.message) })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
