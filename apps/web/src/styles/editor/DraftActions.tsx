import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { Verdict } from "../../session/can.ts";
import { Permitted } from "../../session/Permitted.tsx";

/** Which draft request is running: saving it, or saving it and asking for review. */
export type DraftPending = "draft" | "review" | null;

/**
 * "Save as draft" and "Request review": the edit is kept on the server as a draft (with its preview),
 * and optionally sent to the operators. `offerReview` is off when the save bar's main button already
 * requests review (a bucket that requires it).
 */
export function DraftActions({
  verdict,
  pending,
  offerReview,
  onSave,
  onRequestReview,
}: {
  verdict: Verdict;
  pending: DraftPending;
  offerReview: boolean;
  onSave: () => void;
  onRequestReview: () => void;
}) {
  const { t } = useI18n();
  const busy = pending !== null;
  return (
    <Permitted verdict={verdict}>
      {(refused) => (
        <>
          <button type="button" className="button" disabled={busy} onClick={onSave} {...refused}>
            {pending === "draft" ? t("draft.saving") : t("draft.save")}
          </button>
          {offerReview ? (
            <button type="button" className="button" disabled={busy} onClick={onRequestReview} {...refused}>
              {pending === "review" ? t("draft.requesting") : t("draft.requestReview")}
            </button>
          ) : null}
        </>
      )}
    </Permitted>
  );
}
