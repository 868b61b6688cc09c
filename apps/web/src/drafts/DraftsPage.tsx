import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { stylesQuery } from "../api/styles.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useCan, useSession } from "../session/useSession.ts";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { bucketSettingsQuery, draftKeys, draftsQuery, setRequireReview } from "./api.ts";
import { DraftCard } from "./DraftCard.tsx";
import { reviewHistoryKey } from "./review-history/api.ts";
import { ReviewHistory } from "./review-history/ReviewHistory.tsx";
import "./drafts.css";

/**
 * The review screen: a bucket's drafts (everyone's, or the signed-in person's), each with its diff
 * against the live version, both previewed on the same image, and the reviewer's actions. An admin
 * turns "review required for every change" on or off here.
 */
export function DraftsPage({ bucket }: { bucket: string }) {
  const { t } = useI18n();
  const me = useSession()?.user.id ?? null;
  const [mine, setMine] = useState(false);
  const filterId = useId();
  const drafts = useQuery(draftsQuery(bucket, mine ? me : null));
  const styles = useQuery(stylesQuery(bucket));
  const settings = useQuery(bucketSettingsQuery(bucket));
  const requireReview = settings.data?.requireReview ?? false;
  const live = (name: string) =>
    styles.data ? (styles.data.find((s) => s.name === name) ?? null) : undefined;

  return (
    <section className="stack" aria-labelledby="drafts-title">
      <div className="page-header">
        <h1 id="drafts-title">{t("drafts.title")}</h1>
        <div className="field drafts-filter">
          <label htmlFor={filterId}>{t("drafts.filter")}</label>
          <select
            id={filterId}
            value={mine ? "mine" : "everyone"}
            onChange={(e) => setMine(e.target.value === "mine")}
          >
            <option value="everyone">{t("drafts.filter.everyone")}</option>
            <option value="mine">{t("drafts.filter.mine")}</option>
          </select>
        </div>
      </div>
      <ReviewSetting bucket={bucket} requireReview={requireReview} loaded={settings.isSuccess} />
      {drafts.error ? <ErrorPanel error={drafts.error} onRetry={() => drafts.refetch()} /> : null}
      {drafts.isSuccess && drafts.data.length === 0 ? (
        <p>{mine ? t("drafts.emptyMine") : t("drafts.empty")}</p>
      ) : null}
      {(drafts.data ?? []).map((draft) => (
        <DraftCard
          key={draft.id}
          bucket={bucket}
          draft={draft}
          live={live(draft.name)}
          requireReview={requireReview}
        />
      ))}
    </section>
  );
}

/** "Require review for every change": shown to everyone, changed by an admin. */
function ReviewSetting({
  bucket,
  requireReview,
  loaded,
}: {
  bucket: string;
  requireReview: boolean;
  loaded: boolean;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const mayChange = useCan("settings.write", bucket);
  const hintId = useId();
  const change = useMutation({
    mutationFn: (next: boolean) => setRequireReview(bucket, next),
    onSuccess: (saved) => {
      client.setQueryData(draftKeys.settings(bucket), saved);
      // Only the switch's history: the settings themselves were just answered.
      void client.invalidateQueries({ queryKey: reviewHistoryKey(bucket) });
    },
  });
  return (
    <div className="card review-setting">
      <label>
        <input
          type="checkbox"
          checked={requireReview}
          disabled={!loaded || !mayChange.allowed || change.isPending}
          aria-describedby={hintId}
          onChange={(e) => change.mutate(e.target.checked)}
        />{" "}
        {t("drafts.requireReview")}
      </label>
      <p id={hintId} className="field-hint">
        {t("drafts.requireReview.hint")}
      </p>
      <ReviewHistory bucket={bucket} />
      {change.error ? <ErrorPanel error={change.error} /> : null}
    </div>
  );
}
