import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Permitted } from "../../session/Permitted.tsx";
import { useSession } from "../../session/useSession.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { ErrorPanel } from "../../ui/ErrorPanel.tsx";
import type { Draft } from "../api.ts";
import { useDraftDeleteText } from "./messages.ts";
import { refreshDraftLists, useDeleteDraft } from "./useDeleteDraft.ts";
import { draftDeleteVerdict } from "./verdict.ts";

/**
 * "Delete draft": asks first (Cancel is the default), then deletes the draft on the server. Disabled,
 * with the reason beside it, for whoever the BFF would refuse (not a designer, not the author and not
 * an operator, or another bucket). A refusal is shown in the dialog with the server's message in the
 * console's language; on success the caller's `onDeleted` moves the screen on. Loaded on demand (the
 * editor and the drafts screen import it lazily), so it costs the list page nothing.
 */
export function DeleteDraft({
  bucket,
  draft,
  afterward,
  onDeleted,
}: {
  bucket: string;
  draft: Pick<Draft, "id" | "name" | "author">;
  /** What the screen does after the delete, said in the question: the saved style, or the list. */
  afterward?: "saved" | "list";
  onDeleted?: () => void;
}) {
  const { t } = useI18n();
  const d = useDraftDeleteText();
  const { verdict, notAuthor } = draftDeleteVerdict(useSession()?.user, draft, bucket);
  const [open, setOpen] = useState(false);
  const remove = useDeleteDraft(bucket, draft, () => {
    setOpen(false);
    onDeleted?.();
  });
  const client = useQueryClient();
  const close = () => {
    if (remove.isPending) return;
    // After a refusal: the lists catch up now (a draft deleted meanwhile leaves them).
    if (remove.isError) void refreshDraftLists(client, bucket, draft.id);
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Permitted verdict={verdict} reason={notAuthor ? d("draftDelete.notAuthor") : undefined}>
        {(refused) => (
          <button type="button" className="button" onClick={() => setOpen(true)} {...refused}>
            {d("draftDelete.button")}
          </button>
        )}
      </Permitted>
      <Dialog open={open} title={d("draftDelete.title", { id: draft.id, name: draft.name })} onClose={close}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            remove.mutate();
          }}
        >
          <p>{d("draftDelete.body")}</p>
          {afterward ? (
            <p>{d(afterward === "saved" ? "draftDelete.backToSaved" : "draftDelete.backToList")}</p>
          ) : null}
          {remove.error ? <ErrorPanel error={remove.error} /> : null}
          <div className="dialog-actions">
            {/* Cancel first and focused: the safe choice is the default one. */}
            <button type="button" className="button" data-autofocus onClick={close}>
              {t("delete.cancel")}
            </button>
            <button type="submit" className="button button-danger" disabled={remove.isPending}>
              {remove.isPending ? d("draftDelete.deleting") : d("draftDelete.confirm", { id: draft.id })}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
