import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ApiError } from "../api/error.ts";
import { invalidateStyleLists } from "../api/styles.ts";
import { SideBySide } from "../history/HistoryPage.tsx";
import { VersionDiff } from "../history/VersionDiff.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { decide, draftKeys, draftsQuery } from "./api.ts";

/** Drafts of a bucket; each with its diff against the version it started from, both previews, and review actions. */
export function DraftsPage({ bucket }: { bucket: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const drafts = useQuery(draftsQuery(bucket));
  const [comment, setComment] = useState("");
  const action = useMutation<unknown, ApiError, { id: number; decision: "publish" | "reject" }>({
    mutationFn: ({ id, decision }) => decide(bucket, id, decision, comment),
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: draftKeys.list(bucket) }),
        invalidateStyleLists(client, bucket),
      ]);
    },
  });
  return (
    <section className="stack" aria-labelledby="drafts-title">
      <h1 id="drafts-title">{t("drafts.title")}</h1>
      {drafts.error ? <ErrorPanel error={drafts.error} onRetry={() => drafts.refetch()} /> : null}
      {action.error ? <ErrorPanel error={action.error} /> : null}
      {drafts.isSuccess && drafts.data.length === 0 ? <p>{t("drafts.empty")}</p> : null}
      {(drafts.data ?? []).map((draft) => (
        <article key={draft.id} className="card stack" data-testid="draft">
          <h2>
            {draft.name} · {t(`drafts.status.${draft.status}`)} · {draft.author.username}
          </h2>
          {draft.reviewComment ? <blockquote>{draft.reviewComment}</blockquote> : null}
          <VersionDiff
            from={{ id: 0, content: draft.baseContent ?? "" }}
            to={{ id: draft.id, content: draft.content }}
          />
          <SideBySide
            bucket={bucket}
            left={{ label: t("drafts.live"), content: draft.baseContent }}
            right={{ label: t("drafts.draft"), content: draft.content }}
          />
          {draft.status === "in_review" || draft.status === "draft" ? (
            <div className="row">
              <input
                aria-label={t("drafts.comment")}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <button
                type="button"
                className="button button-primary"
                onClick={() => action.mutate({ id: draft.id, decision: "publish" })}
              >
                {t("drafts.publish")}
              </button>
              <button
                type="button"
                className="button"
                disabled={comment.trim() === ""}
                onClick={() => action.mutate({ id: draft.id, decision: "reject" })}
              >
                {t("drafts.reject")}
              </button>
            </div>
          ) : null}
        </article>
      ))}
    </section>
  );
}
