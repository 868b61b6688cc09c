import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatBytes, formatChange, formatDuration, type ImageFacts } from "./facts.ts";

/** Output facts of one render; `original` adds the byte change against the source. */
export function FactsList({ facts, original }: { facts: ImageFacts; original?: ImageFacts | null }) {
  const { t, locale } = useI18n();
  const change = original ? formatChange(facts.bytes, original.bytes, locale) : null;
  const time = formatDuration(facts.renderMs);
  // `info` and `average-hue` answer JSON: no pixels, so no dimensions or frames to speak of.
  const image = facts.format !== "json";
  return (
    <>
      <dl className="facts">
        {image ? (
          <div>
            <dt>{t("facts.dimensions")}</dt>
            <dd>
              {facts.width} × {facts.height}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("facts.format")}</dt>
          <dd>{facts.format.toUpperCase()}</dd>
        </div>
        <div>
          <dt>{t("facts.bytes")}</dt>
          <dd>
            {formatBytes(facts.bytes, locale)}
            {change ? (
              <span className={change.startsWith("−") ? "fact-change fact-smaller" : "fact-change"}>
                {t("facts.change", { change })}
              </span>
            ) : null}
          </dd>
        </div>
        {image ? (
          <div>
            <dt>{t("facts.frames")}</dt>
            <dd>{facts.frames}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("facts.time")}</dt>
          <dd>{facts.cached ? t("facts.cached", { time }) : time}</dd>
        </div>
      </dl>
      {facts.warnings.length > 0 ? (
        <div className="facts-warnings">
          <p className="facts-warnings-title">{t("facts.warnings")}</p>
          <ul>
            {facts.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
