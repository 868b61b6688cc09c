import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { exactTime, relativeTime } from "../../lib/relative-time.ts";
import { ErrorPanel } from "../../ui/ErrorPanel.tsx";
import { type DraftEvent, draftEventsQuery } from "./api.ts";
import { type DraftActivityKey, enDraftActivity, useDraftActivityText } from "./messages.ts";

/** The sentence's key of an action; an action this build does not know yet is shown by its code. */
function sentenceKey(action: string): DraftActivityKey | null {
  const key = `draftActivity.${action}`;
  return key in enDraftActivity ? (key as DraftActivityKey) : null;
}

/**
 * A draft's activity, collapsed under "Activity": who did what and when, and a send-back's reason,
 * newest first. Nothing is fetched until it is first opened; from then on it refreshes with the drafts.
 */
export function DraftActivity({ bucket, draftId }: { bucket: string; draftId: number }) {
  const { locale } = useI18n();
  const a = useDraftActivityText();
  const [opened, setOpened] = useState(false);
  const query = useQuery({ ...draftEventsQuery(bucket, draftId), enabled: opened });
  const now = new Date();

  const sentence = (event: DraftEvent) => {
    const name = event.actor.name ?? a("draftActivity.someone");
    const key = sentenceKey(event.action);
    return key ? a(key, { name }) : a("draftActivity.other", { name, action: event.action });
  };

  return (
    <details
      className="draft-activity"
      data-testid="draft-activity"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{a("draftActivity.title")}</summary>
      {!opened ? null : query.isPending ? (
        <p className="muted">{a("draftActivity.loading")}</p>
      ) : query.isError ? (
        <ErrorPanel error={query.error} />
      ) : query.data.events.length === 0 ? (
        <p className="muted">{a("draftActivity.empty")}</p>
      ) : (
        <ol className="draft-activity-list">
          {query.data.events.map((event) => {
            const at = new Date(event.time);
            return (
              <li key={event.id} data-testid="draft-activity-entry" data-action={event.action}>
                <span>{sentence(event)}</span>{" "}
                <time className="muted" dateTime={event.time} title={exactTime(at, locale)}>
                  {relativeTime(at, now, locale)}
                </time>
                {event.action === "draft.send-back" && event.comment ? (
                  <blockquote>{event.comment}</blockquote>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
