import { Info } from "lucide-react";
import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { stripTicks } from "../lib/ticks.ts";
import { FactsList } from "./FactsList.tsx";
import type { ImageFacts } from "./facts.ts";
import type { PreviewState } from "./usePreview.ts";

export type Zoom = "fit" | "actual";

/** One rendered image (kept while the next loads) with its facts; never blank once it has shown one. */
export function PreviewFigure({
  title,
  alt,
  state,
  zoom,
  original,
  facts = true,
  image = true,
  note = null,
  noteAction = null,
}: {
  title: string;
  alt: string;
  state: PreviewState;
  zoom: Zoom;
  original?: ImageFacts | null;
  facts?: boolean;
  /** false: only the facts (the before/after frame draws the image). */
  image?: boolean;
  /** An explanation of the result (OSS kept the image as it was…), shown under its facts. */
  note?: string | null;
  /** A one-click remedy offered beside the note. */
  noteAction?: { label: string; run: () => void } | null;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const shown = state.shown;
  return (
    <figure className="preview-figure" aria-labelledby={titleId} aria-busy={state.loading}>
      <div className="preview-figure-head">
        <h3 id={titleId} className="preview-figure-title">
          {title}
        </h3>
        {state.loading ? (
          <span className="preview-loading" aria-hidden="true">
            {t("preview.loading")}
          </span>
        ) : null}
      </div>
      {image ? (
        <div className={zoom === "fit" ? "preview-frame" : "preview-frame preview-frame-actual"}>
          {shown?.objectUrl ? (
            <img
              src={shown.objectUrl}
              alt={alt}
              width={shown.facts.width}
              height={shown.facts.height}
              className={state.loading ? "preview-img preview-img-pending" : "preview-img"}
              draggable={false}
            />
          ) : shown?.json !== null && shown?.json !== undefined ? (
            <pre className="preview-json">{shown.json}</pre>
          ) : shown ? (
            <p className="muted preview-placeholder">
              {t("preview.undisplayable", { format: shown.facts.format.toUpperCase() })}
            </p>
          ) : (
            <div className="preview-placeholder skeleton" />
          )}
        </div>
      ) : null}
      {state.error ? (
        <div className="field-error preview-error" role="alert">
          <span>{t("preview.failed", { message: stripTicks(state.error.message) })}</span>
          {state.retry ? (
            <button
              type="button"
              className="button button-small"
              onClick={state.retry}
              aria-label={t("preview.retryLabel", { title })}
            >
              {t("preview.retry")}
            </button>
          ) : null}
        </div>
      ) : null}
      {facts && shown ? <FactsList facts={shown.facts} original={original ?? null} /> : null}
      {note ? (
        <p className="preview-note" role="note">
          <Info aria-hidden="true" size={16} className="preview-note-icon" />
          <span>
            {note}
            {noteAction ? (
              <button
                type="button"
                className="button button-small preview-note-action"
                onClick={noteAction.run}
              >
                {noteAction.label}
              </button>
            ) : null}
          </span>
        </p>
      ) : null}
    </figure>
  );
}
