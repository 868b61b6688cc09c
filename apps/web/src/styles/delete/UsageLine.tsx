import { useI18n } from "../../i18n/I18nProvider.tsx";
import { exactTime, relativeTime } from "../../lib/relative-time.ts";
import type { UsageFact } from "../list/usage.ts";

/** A style's use as the list shows it in a cell: "3 days ago", "Not in the logs" or "Unknown". */
export function LastUsedCell({ fact, now }: { fact: UsageFact; now: Date }) {
  const { t, locale } = useI18n();
  if (fact.kind === "unknown") return <span className="usage-unknown">{t("list.usage.unknown")}</span>;
  if (fact.kind === "never") return <span className="usage-never">{t("usage.never")}</span>;
  return (
    <time dateTime={fact.lastUsed.toISOString()} title={exactTime(fact.lastUsed, locale)}>
      {relativeTime(fact.lastUsed, now, locale)}
    </time>
  );
}

/** The 30-day request count, "—" when usage is unknown (never 0: nobody knows it is 0). */
export function RequestsCell({ fact }: { fact: UsageFact }) {
  const { locale } = useI18n();
  if (fact.kind === "unknown") return <span className="usage-unknown">—</span>;
  return <>{fact.requests30d.toLocaleString(locale)}</>;
}
