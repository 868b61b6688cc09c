import { Trash2 } from "lucide-react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Permitted } from "../../session/Permitted.tsx";
import { useCan } from "../../session/useSession.ts";

/**
 * The selection's bar above the table: how many are selected, "Select unused" (every shown style with
 * no request in 30 days; off while usage is unknown), "Delete selected…" (opens the plan), and clear.
 */
export function BulkBar({
  bucket,
  count,
  unusedCount,
  usageKnown,
  onSelectUnused,
  onDelete,
  onClear,
}: {
  bucket: string;
  count: number;
  /** Shown styles unused for 30 days. */
  unusedCount: number;
  usageKnown: boolean;
  onSelectUnused: () => void;
  onDelete: () => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const mayWrite = useCan("style.write", bucket);
  const unusedReason = !usageKnown
    ? t("list.usage.unknownWhy")
    : unusedCount === 0
      ? t("list.selectUnusedNone")
      : null;
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t("list.selected", { count })}>
      <span className="bulk-count" aria-live="polite">
        {t("list.selected", { count })}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={unusedReason !== null}
        title={unusedReason ?? undefined}
        onClick={onSelectUnused}
      >
        {t("list.selectUnused")}
      </button>
      <Permitted verdict={mayWrite}>
        {(refused) => (
          <button
            type="button"
            className="button button-small button-danger"
            disabled={count === 0 || refused.disabled === true}
            aria-describedby={refused["aria-describedby"]}
            title={refused.title}
            onClick={onDelete}
          >
            <Trash2 aria-hidden="true" size={14} />
            {t("list.deleteSelected")}
          </button>
        )}
      </Permitted>
      {count > 0 ? (
        <button type="button" className="button button-small button-quiet" onClick={onClear}>
          {t("list.clearSelection")}
        </button>
      ) : null}
    </div>
  );
}
