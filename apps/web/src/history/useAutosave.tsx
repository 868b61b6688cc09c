import { useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { exactTime } from "../lib/relative-time.ts";
import { autosaveKey, forgetUnsaved, keepUnsaved, readUnsaved, type UnsavedEdit } from "./autosave.ts";

/** How long typing pauses before the edit is written to storage. */
const KEEP_DELAY_MS = 250;

/**
 * Keeps the editor's unsaved edit locally while it is `dirty`, forgets it once it is saved or undone,
 * and offers back an edit kept by an earlier visit (a reload, a crash, a discarded prompt).
 * `initial` is what the form opened with; an edit equal to it is not offered.
 */
export function useAutosave(options: {
  bucket: string;
  /** The style being edited; null for a new one. */
  style: string | null;
  dirty: boolean;
  edit: Omit<UnsavedEdit, "savedAt">;
  initial: { content: string; category: string };
}) {
  const key = autosaveKey(options.bucket, options.style);
  const [offer, setOffer] = useState<UnsavedEdit | null>(() => {
    const kept = readUnsaved(key);
    if (!kept) return null;
    const same = kept.content === options.initial.content && kept.category === options.initial.category;
    return same && options.style !== null ? null : kept;
  });
  const latest = useRef(options.edit);
  latest.current = options.edit;

  useEffect(() => {
    // While an earlier edit is offered, leave it in storage until the person decides.
    if (offer) return;
    if (!options.dirty) {
      forgetUnsaved(key);
      return;
    }
    const timer = setTimeout(
      () => keepUnsaved(key, { ...latest.current, savedAt: new Date().toISOString() }),
      KEEP_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [key, offer, options.dirty, options.edit.content, options.edit.category, options.edit.name]);

  // Keep the very last keystroke when the tab goes away before the debounce fires.
  useEffect(() => {
    const flush = () => {
      if (options.dirty && !offer) keepUnsaved(key, { ...latest.current, savedAt: new Date().toISOString() });
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [key, offer, options.dirty]);

  return {
    offer,
    /** The offered edit was taken into the form: it becomes the edit being kept. */
    accept: () => setOffer(null),
    discard: () => {
      forgetUnsaved(key);
      setOffer(null);
    },
  };
}

/** "You have an unsaved edit from …": restore it into the form, or discard it. */
export function AutosaveOffer({
  edit,
  onRestore,
  onDiscard,
}: {
  edit: UnsavedEdit;
  onRestore: (edit: UnsavedEdit) => void;
  onDiscard: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="notice autosave-offer" role="status" data-testid="autosave-offer">
      <p>{t("autosave.found", { time: exactTime(new Date(edit.savedAt), locale) })}</p>
      <code>{edit.content}</code>
      <div className="row">
        <button type="button" className="button button-primary" onClick={() => onRestore(edit)}>
          {t("autosave.restore")}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          {t("autosave.discard")}
        </button>
      </div>
    </div>
  );
}
