import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { PasteReading } from "./code/paste.ts";

/**
 * Says what a paste turned into, with the way back: a full OSS URL gave its `x-oss-process` chain, a
 * `style/<name>` URL names a saved style (nothing to edit here), a JD URL gave its `img/…` part for the
 * converter below the field.
 */
export function PasteNotice({
  reading,
  onUndo,
  onDismiss,
}: {
  reading: Exclude<PasteReading, { kind: "text" }>;
  onUndo: (raw: string) => void;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  const text =
    reading.kind === "ossUrl"
      ? t("paste.ossUrl")
      : reading.kind === "jdUrl"
        ? t("paste.jdUrl")
        : t("paste.styleRef", { name: reading.name });
  return (
    <div className="notice paste-notice" role="status">
      <span>{text}</span>
      {reading.kind !== "styleRef" ? (
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => onUndo(reading.url)}
        >
          {t("paste.keepUrl")}
        </button>
      ) : null}
      <button type="button" className="button button-small button-quiet" onClick={onDismiss}>
        {t("paste.dismiss")}
      </button>
    </div>
  );
}
