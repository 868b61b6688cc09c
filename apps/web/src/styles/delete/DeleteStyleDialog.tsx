import { useId, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { relativeTime } from "../../lib/relative-time.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { isRecentlyUsed, type UsageFact } from "../list/usage.ts";
import { useDialogText } from "./messages.ts";

/**
 * Asks before deleting, naming the style, what breaks (URLs using it answer NoSuchStyle), how often and
 * when last it was used, and that it can be restored. A style used in the last 7 days needs its name
 * typed before the delete button works (issue 13).
 */
export function DeleteStyleDialog({
  name,
  usage,
  onConfirm,
  onClose,
}: {
  name: string | null;
  usage: UsageFact;
  onConfirm: (name: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={name !== null} title={t("delete.title", { name: name ?? "" })} onClose={onClose}>
      {name !== null ? (
        // Keyed by name: the typed text never carries over to the next style's dialog.
        <DeleteBody key={name} name={name} usage={usage} onConfirm={onConfirm} onClose={onClose} />
      ) : null}
    </Dialog>
  );
}

function DeleteBody({
  name,
  usage,
  onConfirm,
  onClose,
}: {
  name: string;
  usage: UsageFact;
  onConfirm: (name: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const d = useDialogText();
  const now = new Date();
  const recent = isRecentlyUsed(usage, now.getTime());
  const [typed, setTyped] = useState("");
  const typedId = useId();
  const confirmed = !recent || typed === name;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (confirmed) onConfirm(name);
      }}
    >
      <p>{t("delete.body", { name })}</p>
      <UsageSentence name={name} fact={usage} now={now} />
      {recent ? (
        <div className="field typed-confirm">
          <p className="notice">{d("delete.usage.recent", { name })}</p>
          <label htmlFor={typedId}>{d("delete.typeName", { name })}</label>
          <input
            id={typedId}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
      ) : null}
      <p>{t("delete.restorable")}</p>
      <div className="dialog-actions">
        {/* Cancel first and focused: the safe choice is the default one. */}
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t("delete.cancel")}
        </button>
        <button type="submit" className="button button-danger" disabled={!confirmed}>
          {t("delete.confirm", { name })}
        </button>
      </div>
    </form>
  );
}

/** The delete dialog's sentence about how often and when last the style was used. */
function UsageSentence({ name, fact, now }: { name: string; fact: UsageFact; now: Date }) {
  const { locale } = useI18n();
  const d = useDialogText();
  if (fact.kind === "unknown") return <p className="usage-line">{d("delete.usage.unknown", { name })}</p>;
  if (fact.kind === "never") return <p className="usage-line">{d("delete.usage.never", { name })}</p>;
  const when = relativeTime(fact.lastUsed, now, locale);
  return (
    <p className="usage-line">
      {fact.requests30d > 0
        ? d("delete.usage.used", { count: fact.requests30d.toLocaleString(locale), when })
        : d("delete.usage.usedLongAgo", { when })}
    </p>
  );
}
