import type { Style } from "../../api/styles.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { diffContent } from "../../lib/content-diff.ts";
import { exactTime } from "../../lib/relative-time.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { DiffView } from "./DiffView.tsx";

/**
 * A lost update caught: the server's version and the operator's, side by side with the diff from theirs
 * to mine, and two explicit ways out. Neither choice is made silently.
 */
export function ConflictDialog({
  theirs,
  mine,
  onKeepMine,
  onTakeTheirs,
  onClose,
  saving,
}: {
  theirs: Style | null;
  mine: { name: string; content: string };
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onClose: () => void;
  saving: boolean;
}) {
  const { t, locale } = useI18n();
  const open = theirs !== null;
  return (
    <Dialog
      open={open}
      wide
      title={t("conflict.title", { name: mine.name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onTakeTheirs}>
            {t("conflict.takeTheirs")}
          </button>
          <button type="button" className="button button-primary" onClick={onKeepMine} disabled={saving}>
            {t("conflict.keepMine")}
          </button>
        </>
      }
    >
      {theirs ? (
        <>
          <p>{t("conflict.lead", { time: exactTime(new Date(theirs.lastModifyTime), locale) })}</p>
          <div className="versions">
            <section aria-label={t("conflict.theirs")} className="version">
              <h3>{t("conflict.theirs")}</h3>
              <pre className="code-block">{theirs.content}</pre>
            </section>
            <section aria-label={t("conflict.mine")} className="version">
              <h3>{t("conflict.mine")}</h3>
              <pre className="code-block">{mine.content}</pre>
            </section>
          </div>
          <DiffView entries={diffContent(theirs.content, mine.content)} label={t("diff.lead")} />
        </>
      ) : null}
    </Dialog>
  );
}
