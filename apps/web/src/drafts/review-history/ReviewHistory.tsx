import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { exactTime, relativeTime } from "../../lib/relative-time.ts";
import { type ReviewSwitch, reviewHistoryQuery } from "./api.ts";
import { useReviewHistoryText } from "./messages.ts";

/**
 * Under the "require review" switch: its last change ("Turned on by Olga, 3 hours ago", the exact time
 * on hover) and, collapsed, the earlier ones. Nothing while loading, on error or before any change: the
 * switch itself is what matters, and its own errors are shown beside it.
 */
export function ReviewHistory({ bucket }: { bucket: string }) {
  const query = useQuery(reviewHistoryQuery(bucket));
  const r = useReviewHistoryText();
  const [last, ...earlier] = query.data?.events ?? [];
  if (!last) return null;
  const now = new Date();
  return (
    <div className="review-history" data-testid="review-history">
      <p className="field-hint" data-testid="review-history-last">
        <Switch event={last} now={now} />
      </p>
      {earlier.length === 0 ? null : (
        <details className="review-history-earlier">
          <summary>{r("reviewHistory.earlier", { count: String(earlier.length) })}</summary>
          <ol>
            {earlier.map((event) => (
              <li key={event.id} data-testid="review-history-entry">
                <Switch event={event} now={now} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

/** "Turned on by Olga, 3 hours ago"; an action this build does not know is not sent by the route. */
function Switch({ event, now }: { event: ReviewSwitch; now: Date }) {
  const { locale } = useI18n();
  const r = useReviewHistoryText();
  const name = event.actor.name ?? r("reviewHistory.someone");
  const at = new Date(event.time);
  return (
    <>
      {r(`reviewHistory.${event.action}`, { name })}
      {r("reviewHistory.separator")}
      <time dateTime={event.time} title={exactTime(at, locale)}>
        {relativeTime(at, now, locale)}
      </time>
    </>
  );
}
