import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "../../api/error.ts";
import { useToast } from "../../ui/toast.tsx";
import { type Draft, draftKeys } from "../api.ts";
import { deleteDraft } from "./api.ts";
import { useDraftDeleteText } from "./messages.ts";

/**
 * Refetches the bucket's lists of drafts, not the deleted draft itself (an editor still showing it
 * would refetch a 404).
 */
export function refreshDraftLists(client: QueryClient, bucket: string, id: number) {
  return client.invalidateQueries({
    queryKey: draftKeys.all(bucket),
    predicate: (query) => query.queryKey[3] !== id,
  });
}

/**
 * Deletes `draft`; on success it leaves every cached list of the bucket's drafts at once, a toast says
 * so, and `onDeleted` moves the screen on. A refusal stays in the mutation's `error` for the dialog to
 * show; the lists are refreshed only once the dialog closes, since a draft someone else deleted
 * meanwhile would otherwise take its card, and the explanation with it, off the screen.
 */
export function useDeleteDraft(
  bucket: string,
  draft: Pick<Draft, "id" | "name">,
  onDeleted: (() => void) | undefined,
) {
  const client = useQueryClient();
  const toast = useToast();
  const d = useDraftDeleteText();
  return useMutation<void, ApiError, void>({
    mutationFn: () => deleteDraft(bucket, draft.id),
    onSuccess: () => {
      client.setQueriesData<Draft[]>({ queryKey: draftKeys.all(bucket) }, (data) =>
        Array.isArray(data) ? data.filter((kept) => kept.id !== draft.id) : data,
      );
      toast("success", d("draftDelete.done", { id: draft.id, name: draft.name }));
      onDeleted?.();
      return refreshDraftLists(client, bucket, draft.id);
    },
  });
}
