import { convertJdToAlibaba, parseProcess } from "@style-console/imgproc/syntax";
import { useMemo } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";

const JD_KINDS = new Set(["img", "imgalias", "imginfo", "imgexif"]);

/** Whether a content is JD Cloud syntax the converter should be offered for. */
export function isJd(content: string): boolean {
  const parsed = parseProcess(content.trim());
  return parsed.ok && JD_KINDS.has(parsed.value.kind);
}

/**
 * A pasted JD `img/…` value: its parsed operations, the Alibaba equivalent with one click to use it,
 * and every part that has no equivalent, named with the reason.
 */
export function JdPanel({ content, onUse }: { content: string; onUse: (alibaba: string) => void }) {
  const { t } = useI18n();
  const value = content.trim();
  const parsed = useMemo(() => parseProcess(value), [value]);
  const converted = useMemo(() => convertJdToAlibaba(value), [value]);
  if (!converted.ok) return null;
  const operations =
    parsed.ok && parsed.value.kind === "img"
      ? (parsed.value.operations as unknown as Record<string, unknown>[])
      : [];
  return (
    <section className="card jd-panel" aria-labelledby="jd-title">
      <h2 id="jd-title" className="card-title">
        {t("jd.title")}
      </h2>
      {operations.length > 0 ? (
        <>
          <h3 className="jd-subtitle">{t("jd.operations")}</h3>
          <ol className="ops-list">
            {operations.map(({ op, ...params }, i) => (
              <li key={i} className="op-card">
                <span className="op-name">{String(op)}</span>
                {Object.entries(params).map(([k, v]) => (
                  <span key={k} className="op-param">
                    {k} {typeof v === "object" ? JSON.stringify(v) : String(v)}
                  </span>
                ))}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {converted.alibaba ? (
        <>
          <p>{t("jd.lead")}</p>
          <pre className="code-block">{converted.alibaba}</pre>
          <button
            type="button"
            className="button button-primary"
            onClick={() => onUse(converted.alibaba ?? "")}
          >
            {t("jd.use")}
          </button>
        </>
      ) : (
        <p className="muted">{t("jd.nothing")}</p>
      )}
      {converted.unconverted.length > 0 ? (
        <>
          <h3 className="jd-subtitle">{t("jd.unconverted")}</h3>
          <ul className="jd-unconverted">
            {converted.unconverted.map((u) => (
              <li key={`${u.offset}-${u.part}`}>
                <code>{u.part}</code> — {u.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
