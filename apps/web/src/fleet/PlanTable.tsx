import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

export interface PlanRow {
  target?: string;
  name: string;
  action: string;
  status?: string;
  reason?: string;
  message?: string;
}

/** A plan (and, once applied, each item's result) as a table: target, style, action, result. */
export function PlanTable({ rows, label }: { rows: readonly PlanRow[]; label: string }) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="muted">{t("fleet.plan.empty")}</p>;
  const showTarget = rows.some((r) => r.target !== undefined);
  const showStatus = rows.some((r) => r.status !== undefined);
  return (
    <div className="fleet-plan-scroll">
      <table className="fleet-plan" aria-label={label}>
        <thead>
          <tr>
            {showTarget ? <th scope="col">{t("fleet.plan.target")}</th> : null}
            <th scope="col">{t("fleet.style")}</th>
            <th scope="col">{t("fleet.plan.action")}</th>
            {showStatus ? <th scope="col">{t("fleet.plan.status")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.target ?? ""}/${row.name}`} data-action={row.action} data-status={row.status}>
              {showTarget ? <td>{row.target}</td> : null}
              <td>
                <code>{row.name}</code>
              </td>
              <td title={row.reason}>{t(`fleet.action.${row.action}` as MessageKey)}</td>
              {showStatus ? (
                <td title={row.message}>{row.status ? t(`fleet.status.${row.status}` as MessageKey) : ""}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
