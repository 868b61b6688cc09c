import "./usage.css";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { ApiError } from "../api/error.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { type RequestsReport, requestsQuery } from "./api.ts";

/** This month in UTC+8, the time OSS bills in. */
function currentMonth(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** `/usage/requests`: the month's OSS requests by API, bucket and person, and the style API cost. */
export function RequestsPage() {
  const { t } = useI18n();
  const [month, setMonth] = useState(currentMonth);
  const monthId = useId();
  const report = useQuery(requestsQuery(month));
  return (
    <section aria-labelledby="requests-title" className="page">
      <div className="page-header">
        <div>
          <h1 id="requests-title">{t("requests.title")}</h1>
          <p className="page-subtitle">{t("requests.lead")}</p>
        </div>
        <div className="field">
          <label htmlFor={monthId}>{t("requests.month")}</label>
          <input
            id={monthId}
            type="month"
            value={month}
            onChange={(e) => {
              if (/^\d{4}-\d{2}$/.test(e.currentTarget.value)) setMonth(e.currentTarget.value);
            }}
          />
        </div>
      </div>
      {report.isError ? (
        <ErrorPanel error={report.error as ApiError} onRetry={() => report.refetch()} />
      ) : null}
      {report.data ? <Report report={report.data} /> : null}
    </section>
  );
}

function Report({ report }: { report: RequestsReport }) {
  const { t, locale } = useI18n();
  const n = (value: number) => value.toLocaleString(locale);
  if (report.total === 0) return <p className="notice">{t("requests.none")}</p>;
  return (
    <>
      <dl className="usage-summary">
        <dt>{t("requests.total")}</dt>
        <dd>{n(report.total)}</dd>
        <dt>{t("requests.styleCalls")}</dt>
        <dd>{n(report.styleRequests)}</dd>
        <dt>{t("requests.free")}</dt>
        <dd>{n(report.freeTier)}</dd>
        <dt>{t("requests.billable")}</dt>
        <dd>{n(report.billable)}</dd>
        <dt>{t("requests.cost")}</dt>
        <dd>¥{report.costCny.toFixed(4)}</dd>
      </dl>
      <p className="muted">
        {t("requests.costNote", { price: report.pricePerRequestCny, free: n(report.freeTier) })}
      </p>
      <Breakdown title={t("requests.byApi")} counts={report.byApi} />
      <Breakdown title={t("requests.byBucket")} counts={report.byBucket} />
      <Breakdown title={t("requests.byUser")} counts={report.byUser} names={report.userNames} />
    </>
  );
}

function Breakdown({
  title,
  counts,
  names = {},
}: {
  title: string;
  counts: Record<string, number>;
  names?: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return (
    <table className="style-table usage-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t("requests.col.name")}</th>
          <th scope="col">{t("requests.col.requests")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{names[key] ?? key}</th>
            <td className="numeric">{value.toLocaleString(locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
