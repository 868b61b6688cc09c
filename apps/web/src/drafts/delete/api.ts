import { api } from "../../api/client.ts";
import { readError, send } from "../../api/error.ts";

const draftRoute = api.buckets[":bucket"].drafts[":id"];

/**
 * Deletes a draft that is not published (204). Refused with 403 `Forbidden` unless the caller is its
 * author or an operator, 409 `DraftPublished` once published, 404 `NoSuchDraft` when it is gone. The
 * server records who deleted it and the draft as it was (`draft_events`).
 */
export async function deleteDraft(bucket: string, id: number): Promise<void> {
  const res = await send(() => draftRoute.$delete({ param: { bucket, id: String(id) } }));
  if (!res.ok) throw await readError(res);
}
