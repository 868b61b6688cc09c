import { useId, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { PreviewState } from "./usePreview.ts";

/**
 * The result over the original in one frame, a divider between them: the left part shows the original.
 * The divider is a native range input, so arrows, Page Up/Down and Home/End move it.
 */
export function BeforeAfter({
  result,
  original,
  alt,
}: {
  result: PreviewState;
  original: PreviewState;
  alt: string;
}) {
  const { t } = useI18n();
  const [position, setPosition] = useState(50);
  const id = useId();
  const after = result.shown?.objectUrl;
  const before = original.shown?.objectUrl;
  const facts = result.shown?.facts;
  // Both images fill one box shaped like the result, so the divider compares the same spot of each.
  const ratio = facts && facts.width > 0 && facts.height > 0 ? `${facts.width} / ${facts.height}` : "4 / 3";
  return (
    <div className="before-after">
      <div className="before-after-frame" aria-busy={result.loading} style={{ aspectRatio: ratio }}>
        {after ? <img src={after} alt={alt} className="before-after-img" draggable={false} /> : null}
        {before ? (
          <img
            src={before}
            alt=""
            className="before-after-img before-after-original"
            style={{ clipPath: `inset(0 ${100 - position}% 0 0)` }}
            draggable={false}
          />
        ) : null}
        <span className="before-after-line" style={{ left: `${position}%` }} aria-hidden="true" />
        <span className="before-after-tag before-after-tag-left" aria-hidden="true">
          {t("preview.original")}
        </span>
        <span className="before-after-tag before-after-tag-right" aria-hidden="true">
          {t("preview.result")}
        </span>
      </div>
      <label htmlFor={id} className="visually-hidden">
        {t("preview.slider")}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        value={position}
        className="before-after-range"
        onChange={(e) => setPosition(Number(e.target.value))}
      />
    </div>
  );
}
