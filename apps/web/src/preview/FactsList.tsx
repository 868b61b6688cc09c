import type { ReactNode } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { RichText } from "../ui/RichText.tsx";
import { formatBytes, formatChange, formatDuration, type ImageFacts } from "./facts.ts";

/**
 * Output facts of one render, always the same five rows in the same order (dimensions, format, size,
 * frames, render time) so two figures side by side line up row by row; a fact that does not apply (a
 * JSON answer has no dimensions) reads "—". `original` adds the byte change against the source.
 */
export function FactsList({ facts, original }: { facts: ImageFacts; original?: ImageFacts | null }) {
  const { t, locale } = useI18n();
  const change = original ? formatChange(facts.bytes, original.bytes, locale) : null;
  const time = formatDuration(facts.renderMs);
  // `info` and `average-hue` answer JSON: no pixels, so no dimensions or frames to speak of.
  const image = facts.format !== "json";
  const rows: Array<[string, ReactNode]> = [
    [t("facts.dimensions"), image ? `${facts.width} × ${facts.height}` : "—"],
    [t("facts.format"), facts.format.toUpperCase()],
    [
      t("facts.bytes"),
      <>
        <span className="fact-bytes">{formatBytes(facts.bytes, locale)}</span>
        {change ? (
          <span className={change.startsWith("−") ? "fact-change fact-smaller" : "fact-change"}>
            {t("facts.change", { change })}
          </span>
        ) : null}
      </>,
    ],
    [t("facts.frames"), image ? facts.frames : "—"],
    [t("facts.time"), facts.cached ? t("facts.cached", { time }) : time],
  ];
  return (
    <>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {facts.warnings.length > 0 ? (
        <div className="facts-warnings">
          <p className="facts-warnings-title">{t("facts.warnings")}</p>
          <ul>
            {facts.warnings.map((w) => (
              <li key={w}>
                <RichText text={w} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
