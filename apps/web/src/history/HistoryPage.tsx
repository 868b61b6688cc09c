import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import type { ApiError } from "../api/error.ts";
import { samplesQuery } from "../api/preview.ts";
import { invalidateStyleLists } from "../api/styles.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { exactTime } from "../lib/relative-time.ts";
import { type PreviewSource, previewUrl, rememberedSource } from "../preview/source.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { useToast } from "../ui/toast.tsx";
import { historyKeys, restoreVersion, type Version, versionsQuery } from "./api.ts";
import { VersionDiff } from "./VersionDiff.tsx";

/** The preview source both versions are shown on: the one the operator last picked, else the first sample. */
export function useComparisonSource(): PreviewSource | null {
  const samples = useQuery(samplesQuery());
  const remembered = rememberedSource();
  if (remembered) return remembered;
  const first = samples.data?.[0];
  return first ? { kind: "sample", id: first.id } : null;
}

/** Two contents previewed side by side on the same image. */
export function SideBySide({
  bucket,
  left,
  right,
}: {
  bucket: string;
  left: { label: string; content: string | null };
  right: { label: string; content: string | null };
}) {
  const { t } = useI18n();
  const source = useComparisonSource();
  return (
    <div className="history-previews">
      {[left, right].map((side, index) => (
        <figure key={index === 0 ? "left" : "right"} className="card history-preview">
          <figcaption>{side.label}</figcaption>
          {side.content === null || side.content === "" ? (
            <p className="muted">{t("history.preview.deleted")}</p>
          ) : source ? (
            <img src={previewUrl(source, side.content, bucket)} alt={side.label} loading="lazy" />
          ) : null}
          <code>{side.content}</code>
        </figure>
      ))}
    </div>
  );
}

/**
 * The history of one style: the timeline, the diff between any two versions (operation by operation),
 * both versions previewed on the same image, and restore with a comment (guarded by the 409 rule).
 */
export function HistoryPage({ bucket, name }: { bucket: string; name: string }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const toast = useToast();
  const versions = useQuery(versionsQuery(bucket, name));
  const list = versions.data ?? [];
  const [fromId, setFromId] = useState<number | null>(null);
  const [toId, setToId] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<Version | null>(null);
  const [comment, setComment] = useState("");
  const commentId = useId();

  // Default comparison: the newest version against the one before it.
  useEffect(() => {
    if (list.length === 0) return;
    if (toId === null || !list.some((v) => v.id === toId)) setToId(list[0]?.id ?? null);
    if (fromId === null || !list.some((v) => v.id === fromId)) setFromId((list[1] ?? list[0])?.id ?? null);
  }, [list, fromId, toId]);

  const newest = list[0];
  const exists = newest !== undefined && !newest.deleted;
  const from = list.find((v) => v.id === fromId);
  const to = list.find((v) => v.id === toId);

  const restore = useMutation<unknown, ApiError, Version>({
    mutationFn: (version) =>
      restoreVersion(bucket, name, version.id, {
        ...(exists && newest?.lastModifyTime ? { expectedLastModifyTime: newest.lastModifyTime } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onSuccess: async (_style, version) => {
      setRestoring(null);
      setComment("");
      toast("success", t("history.restore.done", { id: version.id, name }));
      await Promise.all([
        client.invalidateQueries({ queryKey: historyKeys.versions(bucket, name) }),
        client.invalidateQueries({ queryKey: historyKeys.deleted(bucket) }),
        invalidateStyleLists(client, bucket),
      ]);
    },
    onError: async (error) => {
      if (error.status === 409 || error.status === 428) {
        setRestoring(null);
        toast("error", t("history.restore.conflict", { name }));
        await client.invalidateQueries({ queryKey: historyKeys.versions(bucket, name) });
      }
    },
  });

  const label = (v: Version) => t(`history.action.${v.action}` as "history.action.create");

  return (
    <section className="stack history-page" aria-labelledby="history-title">
      <div className="page-head">
        <h1 id="history-title">{t("history.title", { name })}</h1>
        <div className="row">
          <Link to="/buckets/$bucket/styles" params={{ bucket }} className="button">
            {t("history.back")}
          </Link>
          {exists ? (
            <Link to="/buckets/$bucket/styles/$name/edit" params={{ bucket, name }} className="button">
              {t("history.edit", { name })}
            </Link>
          ) : null}
        </div>
      </div>
      {versions.error ? <ErrorPanel error={versions.error} onRetry={() => versions.refetch()} /> : null}
      {!exists && list.length > 0 ? <p className="notice">{t("history.deletedNow")}</p> : null}
      {versions.isSuccess && list.length === 0 ? <p>{t("history.empty")}</p> : null}
      {list.length > 0 ? (
        <div className="history-layout">
          <div className="card">
            <h2>{t("history.timeline")}</h2>
            <ol className="history-timeline">
              {list.map((v, index) => (
                <li key={v.id} data-testid="version" data-version-id={v.id}>
                  <div className="history-entry-head">
                    <strong>
                      #{v.id} {label(v)}
                    </strong>{" "}
                    {index === 0 && exists ? <span className="badge">{t("history.current")}</span> : null}
                    <span className="badge">
                      {t(`history.source.${v.source}` as "history.source.console")}
                    </span>
                  </div>
                  <div className="muted">
                    <time dateTime={v.at}>{exactTime(new Date(v.at), locale)}</time> ·{" "}
                    {v.actor ? t("history.by", { name: v.actor.username }) : t("history.byExternal")}
                  </div>
                  {v.comment ? <blockquote>{v.comment}</blockquote> : null}
                  <code className="history-content">{v.content}</code>
                  <div className="row">
                    <label>
                      <input
                        type="radio"
                        name="history-from"
                        checked={fromId === v.id}
                        onChange={() => setFromId(v.id)}
                      />{" "}
                      {t("history.from")}
                    </label>
                    <label>
                      <input
                        type="radio"
                        name="history-to"
                        checked={toId === v.id}
                        onChange={() => setToId(v.id)}
                      />{" "}
                      {t("history.to")}
                    </label>
                    {!(index === 0 && exists) ? (
                      <button type="button" className="button" onClick={() => setRestoring(v)}>
                        {t("history.restore", { id: v.id })}
                      </button>
                    ) : null}
                  </div>
                </li>
              ))}
            </ol>
          </div>
          {from && to ? (
            <div className="stack">
              <VersionDiff from={from} to={to} />
              <SideBySide
                bucket={bucket}
                left={{
                  label: t("history.preview.from", { id: from.id }),
                  content: from.deleted ? null : from.content,
                }}
                right={{
                  label: t("history.preview.to", { id: to.id }),
                  content: to.deleted ? null : to.content,
                }}
              />
            </div>
          ) : null}
        </div>
      ) : null}
      <Dialog
        open={restoring !== null}
        title={t("history.restore.title", { id: restoring?.id ?? "", name })}
        onClose={() => setRestoring(null)}
        actions={
          <>
            <button type="button" className="button" onClick={() => setRestoring(null)}>
              {t("history.restore.cancel")}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={restore.isPending}
              onClick={() => restoring && restore.mutate(restoring)}
            >
              {t("history.restore.confirm")}
            </button>
          </>
        }
      >
        <p>{t("history.restore.body")}</p>
        <code>{restoring?.content}</code>
        <div className="field">
          <label htmlFor={commentId}>{t("history.restore.comment")}</label>
          <input
            id={commentId}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={2000}
            data-autofocus
          />
        </div>
        {restore.error && restore.error.status !== 409 && restore.error.status !== 428 ? (
          <ErrorPanel error={restore.error} />
        ) : null}
      </Dialog>
    </section>
  );
}
