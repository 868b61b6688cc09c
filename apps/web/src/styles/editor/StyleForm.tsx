import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from "react";
import { asCategory, type Category, type Style, saveFailure, stylesQuery } from "../../api/styles.ts";
import { Builder } from "../../builder/Builder.tsx";
import { isJd, JdPanel } from "../../builder/JdPanel.tsx";
import { bucketSettingsQuery, type Draft } from "../../drafts/api.ts";
import { useEditorDraft } from "../../drafts/useEditorDraft.ts";
import { AutosaveOffer, useAutosave } from "../../history/useAutosave.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { PreviewPanel } from "../../preview/PreviewPanel.tsx";
import { LeaveGuard } from "../../router/LeaveGuard.tsx";
import { useCan } from "../../session/useSession.ts";
import { ErrorPanel } from "../../ui/ErrorPanel.tsx";
import { CategoryField } from "./CategoryField.tsx";
import { ContentField } from "./ContentField.tsx";
import { normalizeContent } from "./code/paste.ts";
import { DraftActions } from "./DraftActions.tsx";
import { NameField } from "./NameField.tsx";
import { SaveBar } from "./SaveBar.tsx";
import { useDirectSave } from "./useDirectSave.tsx";
import { useSaveShortcut } from "./useSaveShortcut.ts";
import { checkContent, nameMessage, type PositionedIssue, serverIssues } from "./validation.ts";

// Loaded on demand, in a chunk of its own (the drafts screen imports it too): the list never pays for it.
const DeleteDraft = lazy(() =>
  import("../../drafts/delete/DeleteDraft.tsx").then((m) => ({ default: m.DeleteDraft })),
);

/**
 * Create (initial = null) or edit a style. Everything is validated as it is typed with the same rules
 * as the server, so a bad name or content is explained in place and never sent. The edit is saved to
 * OSS (after a review of the changes), or kept on the server as a draft and sent for review; in a
 * bucket that requires review, the save itself goes through a draft.
 */
export function StyleForm({
  bucket,
  initial,
  draft = null,
}: {
  bucket: string;
  initial: Style | null;
  /** A draft being revised: the form opens with its content, and saving a draft updates it. */
  draft?: Draft | null;
}) {
  const { t, locale } = useI18n();
  const editing = initial !== null;
  const [name, setName] = useState(draft?.name ?? initial?.name ?? "");
  const [content, setContent] = useState(draft?.content ?? initial?.content ?? "");
  const [category, setCategory] = useState<Category>(asCategory(draft?.category ?? initial?.category));
  const [attempted, setAttempted] = useState(false);
  const [nameTaken, setNameTaken] = useState<string | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const formId = useId();
  const contentId = useId();
  // What is saved, previewed and checked: line breaks and surrounding spaces never belong to a style.
  const value = useMemo(() => normalizeContent(content), [content]);

  // The parser is fast (microseconds for a style), so it runs on every keystroke without debouncing.
  const check = useMemo(() => checkContent(value, t, locale), [value, t, locale]);
  const jd = useMemo(() => isJd(value), [value]);
  // A new name that the bucket's list already holds is flagged as typed (the server's 409 still guards).
  const existing = useQuery({ ...stylesQuery(bucket), enabled: !editing });
  const takenInList = !editing && Boolean(existing.data?.some((s) => s.name === name));
  const direct = useDirectSave(bucket, {
    initial,
    edit: { name, content: value, category },
    onNameTaken: () => setNameTaken(name),
    onTakeTheirs: (theirs) => {
      setContent(theirs.content);
      setCategory(asCategory(theirs.category));
    },
  });
  const { base, gone, create, update } = direct;
  const drafts = useEditorDraft(bucket, draft);
  const requireReview = useQuery(bucketSettingsQuery(bucket)).data?.requireReview ?? false;
  const saving = create.isPending || update.isPending || drafts.pending !== null;
  // A designer may draft, preview and request review here; saving needs an operator (the BFF refuses it too).
  const mayWrite = useCan("style.write", bucket);
  const mayDraft = useCan("draft.write", bucket);
  const edit = { name, content: value, category, baseLastModifyTime: base?.lastModifyTime ?? null };
  const sameAs = (other: { content: string; category: string } | null | undefined) =>
    other != null && value === other.content && category === asCategory(other.category);
  // Unsaved work: leaving asks first. A new style counts once anything is typed; a saved draft is safe.
  const dirty = editing ? !sameAs(base) : name !== "" || content !== "";
  const inDraft = drafts.saved !== null && drafts.saved.name === name && sameAs(drafts.saved);
  const unsaved = dirty && !inDraft && !create.isSuccess && !update.isSuccess;
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
  const fromServer: PositionedIssue[] = serverIssues(failure?.body ?? drafts.save.error?.body);

  const nameProblem = editing ? null : nameMessage(name);
  const contentIssues = check.ok ? fromServer : check.issues;

  const changeContent = (next: string) => {
    setContent(next);
    // Positions the server sent belong to the text it saw; once the text changes they mislead.
    if (failure?.code === "InvalidStyleContent") (create.error ? create : update).reset();
  };

  /** The checks every way of saving shares; false (with the focus on the problem) when one fails. */
  const ready = (allowed: boolean, newName: boolean) => {
    setAttempted(true);
    setUnchanged(false);
    if (saving || !allowed) return false;
    if (!editing && (nameProblem || (newName && (nameTaken === name || takenInList)))) {
      nameRef.current?.focus();
      return false;
    }
    if (!check.ok) {
      document.getElementById(contentId)?.focus();
      return false;
    }
    if (editing && !gone && sameAs(base)) {
      setUnchanged(true);
      return false;
    }
    return true;
  };
  const saveDraft = (review: boolean) => {
    if (ready(mayDraft.allowed, false)) drafts.save.mutate({ edit, review });
  };
  const submit = () => {
    if (requireReview) return saveDraft(true);
    if (ready(mayWrite.allowed, true)) direct.save();
  };
  useEffect(() => {
    // New style: start at the name. Edit: the name is fixed, start at the content.
    // (The content editor loads lazily and focuses itself: `autoFocus`.)
    if (!editing) nameRef.current?.focus();
  }, [editing]);
  useSaveShortcut(submit);

  const navigate = useNavigate();
  /** The draft is deleted: back to the saved style (a new style's editor: back to the list). */
  const draftDeleted = () => {
    drafts.forget();
    autosave.discard();
    if (!initial || !base) {
      void navigate({ to: "/buckets/$bucket/styles", params: { bucket }, ignoreBlocker: true });
      return;
    }
    setContent(base.content);
    setCategory(asCategory(base.category));
    setAttempted(false);
    setUnchanged(false);
    // Opened as `?draft=<id>`: that address names a draft that is gone.
    if (draft)
      void navigate({
        to: "/buckets/$bucket/styles/$name/edit",
        params: { bucket, name: initial.name },
        replace: true,
        ignoreBlocker: true,
      });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const nameText =
    (nameTaken === name || takenInList) && !editing
      ? t("editor.name.taken")
      : nameProblem && t(nameProblem.key, nameProblem.params);
  const submitLabel = saving
    ? t("editor.saving")
    : requireReview
      ? t("draft.requestReview")
      : editing
        ? t("editor.review")
        : t("editor.save");
  const otherFailure = failure ?? drafts.save.error;

  return (
    <div className="editor-shell">
      <div className="editor-layout">
        <div className="editor-main">
          {autosave.offer ? (
            <AutosaveOffer
              edit={autosave.offer}
              onRestore={(kept) => {
                if (!editing) setName(kept.name);
                setContent(kept.content);
                setCategory(asCategory(kept.category));
                autosave.accept();
              }}
              onDiscard={autosave.discard}
            />
          ) : null}
          <form id={formId} className="card editor-form stack" onSubmit={onSubmit} noValidate>
            <NameField
              value={name}
              readOnly={editing}
              problem={nameText || null}
              show={!editing && (attempted || name !== "")}
              inputRef={nameRef}
              onChange={setName}
            />
            <ContentField
              id={contentId}
              content={content}
              check={check}
              issues={contentIssues}
              show={attempted || content !== ""}
              autoFocus={editing}
              onChange={changeContent}
            />
            <CategoryField value={category} onChange={setCategory} />

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
            {otherFailure && saveFailure(otherFailure) === "other" && fromServer.length === 0 ? (
              <ErrorPanel error={otherFailure} />
            ) : null}
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
      </div>

      <SaveBar
        formId={formId}
        label={submitLabel}
        busy={saving}
        verdict={requireReview ? mayDraft : mayWrite}
        notice={requireReview ? t("draft.reviewRequired") : null}
        drafts={
          <DraftActions
            verdict={mayDraft}
            pending={drafts.pending}
            offerReview={!requireReview}
            onSave={() => saveDraft(false)}
            onRequestReview={() => saveDraft(true)}
          />
        }
        deleteDraft={
          drafts.draft && drafts.draft.status !== "published" ? (
            <Suspense fallback={null}>
              <DeleteDraft
                bucket={bucket}
                draft={drafts.draft}
                afterward={editing && base ? "saved" : "list"}
                onDeleted={draftDeleted}
              />
            </Suspense>
          ) : null
        }
        cancel={
          <Link to="/buckets/$bucket/styles" params={{ bucket }} className="button">
            {t("editor.cancel")}
          </Link>
        }
      />

      <LeaveGuard dirty={unsaved} />
      {direct.dialogs}
    </div>
  );
}
