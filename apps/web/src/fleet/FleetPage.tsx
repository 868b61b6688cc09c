import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { bucketsQuery } from "../api/buckets.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { exportUrl, matrixQuery } from "./api.ts";
import { CellDialog } from "./CellDialog.tsx";
import { CopyDialog } from "./CopyDialog.tsx";
import { ImportDialog } from "./ImportDialog.tsx";
import { type FleetSearch, filterRows } from "./search.ts";
import "./fleet.css";

/**
 * The fleet matrix: styles × buckets (grouped by region), each cell same / differs / missing / extra
 * against the reference; a drift-only filter and a search, both in the URL; a cell opens its diff.
 */
export function FleetPage({ search }: { search: FleetSearch }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const buckets = useQuery(bucketsQuery);
  const reference = search.reference ?? buckets.data?.[0]?.name ?? "";
  const matrix = useQuery(matrixQuery(reference));
  const [cell, setCell] = useState<{ row: string; bucket: string } | null>(null);
  const [copying, setCopying] = useState(false);
  const [importing, setImporting] = useState(false);
  const setSearch = (patch: Partial<FleetSearch>) =>
    void navigate({ to: "/fleet", search: (prev: FleetSearch) => ({ ...prev, ...patch }), replace: true });
  const columns = useMemo(() => {
    const list = matrix.data?.buckets ?? [];
    return [...list].sort(
      (a, b) =>
        a.region.localeCompare(b.region) || (a.name === reference ? -1 : b.name === reference ? 1 : 0),
    );
  }, [matrix.data, reference]);
  const regions = useMemo(() => {
    const groups: Array<{ region: string; count: number }> = [];
    for (const c of columns) {
      const last = groups[groups.length - 1];
      if (last?.region === c.region) last.count++;
      else groups.push({ region: c.region, count: 1 });
    }
    return groups;
  }, [columns]);
  const rows = filterRows(matrix.data?.rows ?? [], search);
  const open = cell ? (matrix.data?.rows.find((r) => r.name === cell.row) ?? null) : null;
  if (buckets.isError) return <ErrorPanel error={buckets.error} onRetry={() => buckets.refetch()} />;
  return (
    <section className="fleet" aria-labelledby="fleet-title">
      <header className="fleet-head">
        <h1 id="fleet-title">{t("fleet.title")}</h1>
        <p className="muted">{t("fleet.lead")}</p>
      </header>
      <div className="fleet-toolbar">
        <label className="inline-field">
          <span className="inline-label">{t("fleet.reference")}</span>
          <select value={reference} onChange={(e) => setSearch({ reference: e.target.value })}>
            {(buckets.data ?? []).map((b) => (
              <option key={b.name} value={b.name}>
                {b.name} ({b.region})
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={search.drift === true}
            onChange={(e) => setSearch({ drift: e.target.checked || undefined })}
          />
          <span>{t("fleet.driftOnly")}</span>
        </label>
        <label className="inline-field">
          <span className="inline-label">{t("fleet.search")}</span>
          <input
            type="search"
            value={search.q ?? ""}
            onChange={(e) => setSearch({ q: e.target.value || undefined })}
          />
        </label>
        <button type="button" className="button" disabled={!reference} onClick={() => setCopying(true)}>
          {t("fleet.copy")}
        </button>
        <button type="button" className="button" disabled={!reference} onClick={() => setImporting(true)}>
          {t("fleet.import")}
        </button>
        <span className="fleet-export">
          {t("fleet.export", { bucket: reference })}:{" "}
          {(["json", "terraform", "ossutil"] as const).map((format) => (
            <a key={format} className="button button-quiet" href={exportUrl(reference, format)} download>
              {t(`fleet.export.${format}` as MessageKey)}
            </a>
          ))}
        </span>
      </div>
      {matrix.isError ? <ErrorPanel error={matrix.error} onRetry={() => matrix.refetch()} /> : null}
      {matrix.isPending && reference ? (
        <p role="status" className="muted">
          {t("fleet.loading")}
        </p>
      ) : null}
      {(matrix.data?.buckets ?? [])
        .filter((b) => b.error)
        .map((b) => (
          <p key={b.name} className="notice" role="alert">
            {t("fleet.unreadable", { bucket: b.name, message: b.error?.message ?? "" })}
          </p>
        ))}
      {matrix.data ? (
        <div className="fleet-scroll">
          <table className="fleet-matrix" aria-label={t("fleet.matrix", { reference })}>
            <thead>
              <tr>
                <td />
                {regions.map((g) => (
                  <th key={g.region} scope="colgroup" colSpan={g.count}>
                    {t("buckets.region", { region: g.region })}
                  </th>
                ))}
              </tr>
              <tr>
                <th scope="col">{t("fleet.style")}</th>
                {columns.map((b) => (
                  <th key={b.name} scope="col" className={b.name === reference ? "fleet-ref" : undefined}>
                    {b.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name} data-drift={row.drift}>
                  <th scope="row">
                    <code>{row.name}</code>
                  </th>
                  {columns.map((b) => {
                    const c = row.cells.find((x) => x.bucket === b.name);
                    const state = c?.state ?? "absent";
                    return (
                      <td key={b.name} className={`fleet-cell fleet-${state}`}>
                        <button
                          type="button"
                          className="fleet-cell-button"
                          aria-label={`${row.name} · ${b.name}: ${t(`fleet.state.${state}` as MessageKey)}`}
                          onClick={() => setCell({ row: row.name, bucket: b.name })}
                        >
                          {t(`fleet.state.${state}` as MessageKey)}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? <p className="muted">{t("fleet.none")}</p> : null}
        </div>
      ) : null}
      <CellDialog
        row={open}
        bucket={cell?.bucket ?? ""}
        reference={reference}
        onClose={() => setCell(null)}
      />
      <CopyDialog
        open={copying}
        source={reference}
        buckets={buckets.data ?? []}
        onClose={() => setCopying(false)}
      />
      <ImportDialog
        key={reference}
        open={importing}
        buckets={buckets.data ?? []}
        initialBucket={reference}
        onClose={() => setImporting(false)}
      />
    </section>
  );
}
