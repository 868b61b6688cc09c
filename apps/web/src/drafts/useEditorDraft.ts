import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { ApiError } from "../api/error.ts";
import { asCategory, type Category } from "../api/styles.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useToast } from "../ui/toast.tsx";
import { createDraft, type Draft, draftKeys, requestReview, updateDraft } from "./api.ts";

/** What the editor holds when it saves a draft. */
export interface EditorEdit {
  name: string;
  content: string;
  category: Category;
  /** LastModifyTime of the version the edit started from; null for a new style. */
  baseLastModifyTime: string | null;
}

/**
 * The editor's drafts: "Save as draft" keeps the edit on the server (the first time as a new draft,
 * then as edits of that one), "Request review" also sends it to the operators and leaves for the
 * bucket's drafts. `saved` is the edit as last saved, so the editor knows nothing is left to lose.
 * `revising`: the draft the editor opened (`?draft=<id>`), which saving updates.
 */
export function useEditorDraft(bucket: string, revising: Draft | null = null) {
  const client = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft | null>(revising);
  const [saved, setSaved] = useState<EditorEdit | null>(() =>
    revising
      ? {
          name: revising.name,
          content: revising.content,
          category: asCategory(revising.category ?? undefined),
          baseLastModifyTime: revising.baseLastModifyTime,
        }
      : null,
  );
  const save = useMutation<Draft, ApiError, { edit: EditorEdit; review: boolean }>({
    mutationFn: async ({ edit, review }) => {
      const { name, content, category, baseLastModifyTime } = edit;
      const kept =
        draft !== null && draft.name === name && draft.status !== "published"
          ? await updateDraft(bucket, draft.id, { content, category })
          : await createDraft(bucket, { name, content, category, baseLastModifyTime });
      return review ? requestReview(bucket, kept.id) : kept;
    },
    onSuccess: (kept, { edit, review }) => {
      setDraft(kept);
      setSaved(edit);
      void client.invalidateQueries({ queryKey: draftKeys.all(bucket) });
      if (!review) {
        toast("success", t("draft.saved", { id: kept.id }));
        return;
      }
      toast("success", t("draft.sent", { id: kept.id, name: kept.name }));
      // Sent: the work is on the server, so the unsaved-changes guard lets this one through.
      void navigate({ to: "/buckets/$bucket/drafts", params: { bucket }, ignoreBlocker: true });
    },
  });
  const pending = save.isPending ? (save.variables.review ? "review" : "draft") : null;
  /** The draft was deleted: the next "Save as draft" starts a new one. */
  const forget = () => {
    setDraft(null);
    setSaved(null);
  };
  return { draft, saved, save, pending, forget } as const;
}
