import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { lazy, Suspense, useId, useState } from "react";
import type { ApiError } from "../api/error.ts";
import { invalidateStyleLists, type Style } from "../api/styles.ts";
import { SideBySide } from "../history/HistoryPage.tsx";
import { VersionDiff } from "../history/VersionDiff.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { exactTime } from "../lib/relative-time.ts";
import { Permitted } from "../session/Permitted.tsx";
import { useCan, useSession } from "../session/useSession.ts";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { useToast } from "../ui/toast.tsx";
import { DraftActivity } from "./activity/DraftActivity.tsx";
import { type Draft, decide, draftKeys } from "./api.ts";

// Loaded on demand, in a chunk of its own (the editor imports it too): the list page never pays for it.
const DeleteDraft = lazy(() => import("./delete/DeleteDraft.tsx").then((m) => ({ default: m.DeleteDraft })));

/** The version a 409 `StyleChanged` on publish carries: what OSS holds now (null: deleted meanwhile). */
function changedLive(error: ApiError | null): { content: string } | null | undefined {
  const body = error?.body;
  return body?.code === "StyleChanged" ? (body.details?.current ?? null) : undefined;
}

/**
 * One draft under review: its diff against the live version and both previewed on the same image, a
 * notice when the live style moved on since the draft started, and the reviewer's actions (publish,
 * or send back with a comment). A publish refused with 409 shows what is live now against the draft.
 * While it is not published, its author may revise it, and its author or an operator delete it. Its
 * activity (who created, edited, sent, sent back or published it) is one click away.
 */
export function DraftCard({
  bucket,
  draft,
  live,
  requireReview,
}: {
  bucket: string;
  draft: Draft;
  /** The style as the bucket holds it now: null when it does not exist, undefined while loading. */
  live: Style | null | undefined;
  requireReview: boolean;
}) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const toast = useToast();
  const me = useSession()?.user.id;
  const mayReview = useCan("draft.review", bucket);
  const [comment, setComment] = useState("");
  const commentId = useId();
  const hintId = useId();
  const open = draft.status === "draft" || draft.status === "in_review";
  // Compared with what is live now; while that loads, with what the draft started from.
  const liveContent = live === undefined ? (draft.baseContent ?? "") : (live?.content ?? "");
  const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
  const moved = open && live !== undefined && time(live?.lastModifyTime) !== time(draft.baseLastModifyTime);
  const own = requireReview && draft.author.id === me;

  const action = useMutation<unknown, ApiError, "publish" | "reject">({
    mutationFn: (decision) => decide(bucket, draft.id, decision, comment),
    onSuccess: (_r, decision) => {
      toast(
        "success",
        decision === "publish"
          ? t("drafts.published", { id: draft.id, name: draft.name })
          : t("drafts.rejected", { id: draft.id, author: draft.author.username }),
      );
      setComment("");
    },
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: draftKeys.all(bucket) }),
        invalidateStyleLists(client, bucket),
      ]);
    },
  });
  const conflict = changedLive(action.error);

  return (
    <article className="card stack draft-card" data-testid="draft" aria-labelledby={`draft-${draft.id}`}>
      <header className="draft-head">
        <h2 id={`draft-${draft.id}`}>
          {draft.name} <span className="badge">{t(`drafts.status.${draft.status}`)}</span>
          {draft.baseLastModifyTime === null ? <span className="badge">{t("drafts.newStyle")}</span> : null}
        </h2>
        <p className="muted">
          {t("drafts.by", {
            name: draft.author.username,
            time: exactTime(new Date(draft.updatedAt), locale),
          })}
        </p>
      </header>
      {draft.note ? <blockquote>{draft.note}</blockquote> : null}
      {draft.status === "rejected" && draft.reviewComment ? (
        <p className="notice">
          {t("drafts.sentBack", { name: draft.reviewer?.username ?? "", comment: draft.reviewComment })}
        </p>
      ) : null}
      {moved && !conflict ? (
        <p className="notice" data-testid="draft-moved">
          {t("drafts.changedSince")}
        </p>
      ) : null}

      {conflict !== undefined ? (
        <section className="notice draft-conflict stack" role="alert" data-testid="draft-conflict">
          <h3>{t("drafts.conflict.title", { name: draft.name })}</h3>
          <p>{t("drafts.conflict.body")}</p>
          <VersionDiff
            from={{ id: 0, content: conflict?.content ?? "" }}
            to={{ id: draft.id, content: draft.content }}
            title={t("drafts.diffTitle")}
          />
        </section>
      ) : (
        <VersionDiff
          from={{ id: 0, content: open ? liveContent : (draft.baseContent ?? "") }}
          to={{ id: draft.id, content: draft.content }}
          title={t("drafts.diffTitle")}
        />
      )}
      <SideBySide
        bucket={bucket}
        left={{
          label: t("drafts.live"),
          content:
            conflict !== undefined ? (conflict?.content ?? null) : open ? liveContent : draft.baseContent,
        }}
        right={{ label: t("drafts.draft"), content: draft.content }}
      />

      {draft.status !== "published" ? (
        <div className="draft-actions">
          {draft.author.id === me ? (
            <Link
              className="button"
              {...(live === null
                ? { to: "/buckets/$bucket/styles/new", params: { bucket } }
                : { to: "/buckets/$bucket/styles/$name/edit", params: { bucket, name: draft.name } })}
              search={{ draft: draft.id }}
            >
              {t("drafts.revise")}
            </Link>
          ) : null}
          {/* Deleted, the card leaves the list (the delete updates the cached lists). */}
          <Suspense fallback={null}>
            <DeleteDraft bucket={bucket} draft={draft} />
          </Suspense>
        </div>
      ) : null}
      {open ? (
        <div className="stack draft-review">
          <div className="field">
            <label htmlFor={commentId}>{t("drafts.comment")}</label>
            <textarea
              id={commentId}
              rows={2}
              maxLength={2000}
              value={comment}
              aria-describedby={hintId}
              onChange={(e) => setComment(e.target.value)}
            />
            <p id={hintId} className="field-hint">
              {own ? t("drafts.ownDraft") : t("drafts.rejectHint")}
            </p>
          </div>
          <div className="draft-actions">
            <Permitted verdict={mayReview}>
              {(refused) => (
                <>
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={action.isPending || own}
                    aria-describedby={own ? hintId : undefined}
                    onClick={() => action.mutate("publish")}
                    {...refused}
                  >
                    {t("drafts.publish")}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={action.isPending || own || comment.trim() === ""}
                    aria-describedby={hintId}
                    onClick={() => action.mutate("reject")}
                    {...refused}
                  >
                    {t("drafts.reject")}
                  </button>
                </>
              )}
            </Permitted>
          </div>
        </div>
      ) : null}
      {action.error && conflict === undefined ? <ErrorPanel error={action.error} /> : null}
      <DraftActivity bucket={bucket} draftId={draft.id} />
    </article>
  );
}
