import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { DiffEntry } from "../../lib/content-diff.ts";

/**
 * The operation-level diff as a list: each row one operation, marked added / removed / changed with a
 * word as well as a colour (colour alone fails colour-blind readers and screen readers).
 */
export function DiffView({ entries, label }: { entries: DiffEntry[]; label: string }) {
  const { t } = useI18n();
  return (
    <ol className="diff" aria-label={label}>
      {entries.map((entry, i) => {
        const key = `${i}-${entry.kind}`;
        if (entry.kind === "changed")
          return (
            <li key={key} className="diff-row diff-changed">
              <span className="diff-tag">{t("diff.changed")}</span>
              <code>
                <del>{entry.before}</del>
                <span aria-hidden="true"> → </span>
                <ins>{entry.after}</ins>
              </code>
            </li>
          );
        const tag =
          entry.kind === "added"
            ? t("diff.added")
            : entry.kind === "removed"
              ? t("diff.removed")
              : t("diff.unchanged");
        const text =
          entry.kind === "added" ? (
            <ins>{entry.text}</ins>
          ) : entry.kind === "removed" ? (
            <del>{entry.text}</del>
          ) : (
            entry.text
          );
        return (
          <li key={key} className={`diff-row diff-${entry.kind}`}>
            <span className="diff-tag">{tag}</span>
            <code>{text}</code>
          </li>
        );
      })}
    </ol>
  );
}
