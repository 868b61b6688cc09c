import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ContentCheck } from "./validation.ts";

/**
 * The parsed chain, one card per operation with its parameters: a read-only view of the AST now, the
 * place where the visual builder will edit it later.
 */
export function OperationsSummary({ check, stale }: { check: ContentCheck; stale: boolean }) {
  const { t } = useI18n();
  const value = check.ok ? (check.value as { kind: string; operations?: unknown[]; name?: string }) : null;
  return (
    <section className={stale ? "card ops ops-stale" : "card ops"} aria-labelledby="ops-title">
      <h2 id="ops-title" className="card-title">
        {t("editor.operations")}
      </h2>
      {value?.operations && value.operations.length > 0 ? (
        <ol className="ops-list">
          {value.operations.map((op, i) => {
            const { op: name, ...params } = op as Record<string, unknown>;
            return (
              <li key={i} className="op-card">
                <span className="op-name">{String(name)}</span>
                {Object.entries(params).map(([k, v]) => (
                  <span key={k} className="op-param">
                    {k === "value" ? String(v) : `${k} ${String(v)}`}
                  </span>
                ))}
              </li>
            );
          })}
        </ol>
      ) : value?.name ? (
        <p className="muted">{t("editor.operations.reference", { name: value.name })}</p>
      ) : (
        <p className="muted">{t("editor.operations.none")}</p>
      )}
    </section>
  );
}
