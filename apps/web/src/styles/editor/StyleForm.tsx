import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from "react";
import { asCategory, type Category, type Style, saveFailure, stylesQuery } from "../../api/styles.ts";
import { Builder } from "../../builder/Builder.tsx";
import { isJd, JdPanel } from "../../builder/JdPanel.tsx";
import { AutosaveOffer, useAutosave } from "../../history/useAutosave.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { stripTicks } from "../../lib/ticks.ts";
import { PreviewPanel } from "../../preview/PreviewPanel.tsx";
import { LeaveGuard } from "../../router/LeaveGuard.tsx";
import { Permitted } from "../../session/Permitted.tsx";
import { useCan } from "../../session/useSession.ts";
import { ErrorPanel } from "../../ui/ErrorPanel.tsx";
import { ConflictDialog } from "./ConflictDialog.tsx";
import { normalizeContent, type PasteReading } from "./code/paste.ts";
import type { EditorIssue } from "./code/StyleCodeEditor.tsx";
import { PasteNotice } from "./PasteNotice.tsx";
import { ReviewDialog } from "./ReviewDialog.tsx";
import { useSaveShortcut } from "./useSaveShortcut.ts";
import { useSaveStyle } from "./useSaveStyle.ts";
import { checkContent, nameMessage, type PositionedIssue, serverIssues } from "./validation.ts";

// CodeMirror is ~100 KB of script: it loads with the editor, never with the list.
// Its download starts with the editor route's module (not when the form first renders, after the style
// has loaded), so the two load in parallel.
const loadCodeEditor = () => import("./code/StyleCodeEditor.tsx");
void loadCodeEditor();
const StyleCodeEditor = lazy(loadCodeEditor);

/**
 * Create (initial = null) or edit a style. Everything is validated as it is typed with the same rules
 * as the server, so a bad name or content is explained in place and never sent.
 */
export function StyleForm({ bucket, initial }: { bucket: string; initial: Style | null }) {
  const { t, locale } = useI18n();
  const editing = initial !== null;
  const [name, setName] = useState(initial?.name ?? "");
  const [content, setContent] = useState(initial?.content ?? "");
  const [category, setCategory] = useState<Category>(asCategory(initial?.category));
  const [base, setBase] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [nameTaken, setNameTaken] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [conflict, setConflict] = useState<Style | null>(null);
  const [gone, setGone] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState<Exclude<PasteReading, { kind: "text" }> | null>(null);
  const ids = {
    name: useId(),
    nameMsg: useId(),
    content: useId(),
    contentLabel: useId(),
    contentMsg: useId(),
    category: useId(),
  };
  // What is saved, previewed and checked: line breaks and surrounding spaces never belong to a style.
  const value = useMemo(() => normalizeContent(content), [content]);

  // The parser is fast (microseconds for a style), so it runs on every keystroke without debouncing.
  const check = useMemo(() => checkContent(value, t, locale), [value, t, locale]);
  const jd = useMemo(() => isJd(value), [value]);
  // A new name that the bucket's list already holds is flagged as typed (the server's 409 still guards).
  const existing = useQuery({ ...stylesQuery(bucket), enabled: !editing });
  const takenInList = !editing && Boolean(existing.data?.some((s) => s.name === name));
  const { create, update } = useSaveStyle(bucket, {
    onNameTaken: () => setNameTaken(name),
    onConflict: (theirs) => {
      setReviewing(false);
      setConflict(theirs);
    },
    onGone: () => {
      setReviewing(false);
      setGone(true);
    },
  });
  const saving = create.isPending || update.isPending;
  // A designer may draft and preview here; saving needs an operator (the BFF refuses it too).
  const mayWrite = useCan("style.write", bucket);
  // Unsaved work: leaving asks first. A new style counts once anything is typed.
  const dirty = editing
    ? value !== base?.content || category !== asCategory(base?.category)
    : name !== "" || content !== "";
  const unsaved = dirty && !create.isSuccess && !update.isSuccess;
  // Unsaved work is also kept locally, and offered back after a reload.
  const autosave = useAutosave({
    bucket,
    style: initial?.name ?? null,
    dirty: unsaved,
    edit: { name, content, category, baseLastModifyTime: base?.lastModifyTime ?? null },
    initial: { content: initial?.content ?? "", category: asCategory(initial?.category) },
  });
  const failure = create.error ?? update.error;
  // Only a content refusal carries positions in the content; the client checks make it rare.
  const fromServer: PositionedIssue[] = serverIssues(failure?.body);

  const nameProblem = editing ? null : nameMessage(name);
  const showName = !editing && (attempted || name !== "");
  const contentIssues = check.ok ? fromServer : check.issues;
  const showContent = attempted || content !== "";

  const updateNow = (expected: string | undefined) =>
    update.mutate({
      name,
      content: value,
      category,
      ...(expected ? { expectedLastModifyTime: expected } : {}),
    });
  // Deleted by someone else meanwhile: saving again recreates it (a PUT would answer 404 again).
  const saveEdit = () =>
    gone ? create.mutate({ name, content: value, category }) : updateNow(base?.lastModifyTime);
  const changeContent = (value: string) => {
    setContent(value);
    // Positions the server sent belong to the text it saw; once the text changes they mislead.
    if (failure?.code === "InvalidStyleContent") (create.error ? create : update).reset();
  };

  const submit = () => {
    setAttempted(true);
    setUnchanged(false);
    if (saving || !mayWrite.allowed) return;
    if (!editing && (nameProblem || nameTaken === name || takenInList)) return nameRef.current?.focus();
    if (!check.ok) return document.getElementById(ids.content)?.focus();
    if (!editing) return create.mutate({ name, content: value, category });
    if (reviewing) return saveEdit();
    if (base && value === base.content && category === asCategory(base.category)) return setUnchanged(true);
    setReviewing(true);
  };
  useEffect(() => {
    // New style: start at the name. Edit: the name is fixed, start at the content.
    // (The content editor loads lazily and focuses itself: `autoFocus`.)
    if (!editing) nameRef.current?.focus();
  }, [editing, ids.content]);
  useSaveShortcut(submit);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const nameText =
    (nameTaken === name || takenInList) && !editing
      ? t("editor.name.taken")
      : nameProblem && t(nameProblem.key, nameProblem.params);
  const firstIssue = contentIssues[0];
  // Issues are positioned in the trimmed text; the editor shows what was typed, leading spaces included.
  const lead = content.length - content.trimStart().length;
  const editorIssues = useMemo<EditorIssue[]>(
    () =>
      showContent
        ? [
            ...contentIssues.map((i) => ({ ...i, offset: i.offset + lead, severity: "error" as const })),
            ...check.warnings.map((i) => ({ ...i, offset: i.offset + lead, severity: "warning" as const })),
          ]
        : [],
    [showContent, contentIssues, check.warnings, lead],
  );

  return (
    <div className="editor-layout">
      <div className="editor-main">
        {autosave.offer ? (
          <AutosaveOffer
            edit={autosave.offer}
            onRestore={(edit) => {
              if (!editing) setName(edit.name);
              setContent(edit.content);
              setCategory(asCategory(edit.category));
              autosave.accept();
            }}
            onDiscard={autosave.discard}
          />
        ) : null}
        <form className="card editor-form stack" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor={ids.name}>{t("editor.name")}</label>
            <input
              id={ids.name}
              ref={nameRef}
              value={name}
              readOnly={editing}
              spellCheck={false}
              autoComplete="off"
              maxLength={200}
              aria-invalid={showName && Boolean(nameText)}
              aria-describedby={ids.nameMsg}
              onChange={(e) => setName(e.target.value)}
            />
            <p id={ids.nameMsg} className={showName && nameText ? "field-error" : "field-hint"}>
              {showName && nameText ? nameText : t("editor.nameHint")}
            </p>
          </div>

          <div className="field">
            {/* The editable element is CodeMirror's, not a form control: the label names it by id. */}
            {/* biome-ignore lint/a11y/noLabelWithoutControl: aria-labelledby on CodeMirror's content. */}
            <label id={ids.contentLabel}>{t("editor.content")}</label>
            <Suspense fallback={<div className="code-editor code-editor-loading" aria-busy="true" />}>
              <StyleCodeEditor
                id={ids.content}
                labelledBy={ids.contentLabel}
                describedBy={ids.contentMsg}
                value={content}
                onChange={changeContent}
                issues={editorIssues}
                invalid={showContent && contentIssues.length > 0}
                placeholderText={t("editor.contentHint")}
                onPasteReading={setPasted}
                autoFocus={editing}
              />
            </Suspense>
            {pasted ? (
              <PasteNotice
                reading={pasted}
                onUndo={(raw) => {
                  changeContent(raw);
                  setPasted(null);
                }}
                onDismiss={() => setPasted(null)}
              />
            ) : null}
            <div id={ids.contentMsg} className="field-messages">
              {showContent && firstIssue ? (
                <ul className="issue-list">
                  {contentIssues.map((issue) => (
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
              {showContent && check.warnings.length > 0 ? (
                <ul className="issue-list">
                  {check.warnings.map((w) => (
                    <li key={`${w.offset}-${w.message}`} className="field-warning">
                      {t("editor.content.warningAt", {
                        position: w.offset + 1,
                        message: stripTicks(w.message),
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </div>

          <div className="field field-narrow">
            <label htmlFor={ids.category}>{t("editor.category")}</label>
            <select
              id={ids.category}
              value={category}
              onChange={(e) => setCategory(asCategory(e.target.value))}
            >
              <option value="image">{t("editor.category.image")}</option>
              <option value="document">{t("editor.category.document")}</option>
              <option value="video">{t("editor.category.video")}</option>
            </select>
          </div>

          {gone ? (
            <p className="notice" role="alert">
              {t("conflict.deleted", { name })}
            </p>
          ) : null}
          {unchanged ? (
            <p className="notice" role="status">
              {t("editor.unchanged")}
            </p>
          ) : null}
          {failure && saveFailure(failure) === "other" && fromServer.length === 0 ? (
            <ErrorPanel error={failure} />
          ) : null}

          <div className="form-actions">
            <Permitted verdict={mayWrite}>
              {(refused) => (
                <button type="submit" className="button button-primary" disabled={saving} {...refused}>
                  {saving ? t("editor.saving") : editing ? t("editor.review") : t("editor.save")}
                </button>
              )}
            </Permitted>
            <Link to="/buckets/$bucket/styles" params={{ bucket }} className="button">
              {t("editor.cancel")}
            </Link>
            <span className="shortcut-hint">{t("editor.saveShortcut")}</span>
          </div>
        </form>

        {jd ? <JdPanel content={value} onUse={changeContent} /> : null}
        <Builder content={value} onChange={changeContent} />
      </div>
      {/* The preview follows the draft; when editing, it can compare it with the saved version. */}
      <aside className="editor-aside">
        <PreviewPanel
          bucket={bucket}
          content={value}
          saved={editing ? (base?.content ?? null) : null}
          onContentChange={changeContent}
        />
      </aside>

      {editing && base ? (
        <ReviewDialog
          open={reviewing}
          name={name}
          before={{ content: base.content, category: asCategory(base.category) }}
          after={{ content: value, category }}
          saving={update.isPending}
          onConfirm={saveEdit}
          onClose={() => setReviewing(false)}
        />
      ) : null}
      <LeaveGuard dirty={unsaved} />
      <ConflictDialog
        theirs={conflict}
        mine={{ name, content: value }}
        saving={update.isPending}
        onClose={() => setConflict(null)}
        onKeepMine={() => {
          const theirs = conflict;
          setConflict(null);
          if (theirs) {
            setBase(theirs);
            updateNow(theirs.lastModifyTime);
          }
        }}
        onTakeTheirs={() => {
          if (conflict) {
            setContent(conflict.content);
            setCategory(asCategory(conflict.category));
            setBase(conflict);
          }
          setConflict(null);
          update.reset();
        }}
      />
    </div>
  );
}
