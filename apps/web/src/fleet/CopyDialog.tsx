import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Bucket } from "../api/buckets.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { applyJob, cancelJob, type FleetJob, fleetKeys, jobQuery, planCopy } from "./api.ts";
import { PlanTable } from "./PlanTable.tsx";

/** Copy (or sync) a bucket's styles to other buckets: choose targets, review the plan, apply with progress. */
export function CopyDialog({
  open,
  source,
  buckets,
  onClose,
}: {
  open: boolean;
  source: string;
  buckets: readonly Bucket[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [targets, setTargets] = useState<string[]>([]);
  const [sync, setSync] = useState(false);
  const [plan, setPlan] = useState<FleetJob | null>(null);
  const planning = useMutation({
    mutationFn: () => planCopy({ source, targets, delete: sync }),
    onSuccess: setPlan,
  });
  const applying = useMutation({ mutationFn: (id: string) => applyJob(id) });
  const cancelling = useMutation({ mutationFn: (id: string) => cancelJob(id) });
  const job = useQuery({ ...jobQuery(plan?.id ?? ""), enabled: applying.isSuccess && plan !== null });
  const current = job.data ?? plan;
  const finished = current && (current.state === "done" || current.state === "cancelled");
  const close = () => {
    if (finished) void client.invalidateQueries({ queryKey: fleetKeys.all() });
    setPlan(null);
    setTargets([]);
    applying.reset();
    planning.reset();
    onClose();
  };
  const regions = [...new Set(buckets.map((b) => b.region))].sort();
  const writes = plan?.items.filter((i) => ["create", "update", "delete"].includes(i.action)).length ?? 0;
  const summary = current
    ? Object.entries(current.progress.byStatus)
        .map(([status, n]) => `${n} ${status}`)
        .join(", ")
    : "";
  return (
    <Dialog
      open={open}
      wide
      title={t("fleet.copy.title", { source })}
      onClose={close}
      actions={
        <>
          {!plan ? (
            <button
              type="button"
              className="button button-primary"
              disabled={targets.length === 0 || planning.isPending}
              onClick={() => planning.mutate()}
            >
              {t("fleet.copy.plan")}
            </button>
          ) : null}
          {plan && !applying.isSuccess ? (
            <button
              type="button"
              className="button button-primary"
              disabled={writes === 0 || applying.isPending}
              onClick={() => applying.mutate(plan.id)}
            >
              {t("fleet.apply")} ({t("fleet.plan.writes", { count: writes })})
            </button>
          ) : null}
          {current?.state === "running" ? (
            <button type="button" className="button" onClick={() => cancelling.mutate(current.id)}>
              {t("fleet.cancel")}
            </button>
          ) : null}
          <button type="button" className="button button-quiet" onClick={close}>
            {t("fleet.close")}
          </button>
        </>
      }
    >
      {!plan ? (
        <fieldset className="fleet-targets">
          <legend>{t("fleet.copy.targets")}</legend>
          {regions.map((region) => (
            <fieldset key={region} className="fleet-targets">
              <legend className="muted">{t("buckets.region", { region })}</legend>
              {buckets
                .filter((b) => b.region === region && b.name !== source)
                .map((b) => (
                  <label key={b.name} className="fleet-check">
                    <input
                      type="checkbox"
                      checked={targets.includes(b.name)}
                      onChange={(e) =>
                        setTargets((prev) =>
                          e.target.checked ? [...prev, b.name] : prev.filter((n) => n !== b.name),
                        )
                      }
                    />
                    {b.name}
                  </label>
                ))}
            </fieldset>
          ))}
          <label className="fleet-check">
            <input type="checkbox" checked={sync} onChange={(e) => setSync(e.target.checked)} />
            {t("fleet.copy.delete", { source })}
          </label>
        </fieldset>
      ) : null}
      {planning.isError ? <ErrorPanel error={planning.error} /> : null}
      {applying.isError ? <ErrorPanel error={applying.error} /> : null}
      {current ? (
        <>
          {applying.isSuccess ? (
            <div className="fleet-progress">
              <progress
                max={current.progress.total}
                value={current.progress.done}
                aria-label={t("fleet.progress", {
                  done: current.progress.done,
                  total: current.progress.total,
                })}
              />
              <p role="status">
                {current.state === "done"
                  ? t("fleet.job.done", { summary })
                  : current.state === "cancelled"
                    ? t("fleet.job.cancelled", { summary })
                    : t("fleet.progress", { done: current.progress.done, total: current.progress.total })}
              </p>
            </div>
          ) : null}
          {current.notPermitted.length > 0 ? (
            <p className="muted">
              {t("fleet.plan.notPermitted", { buckets: current.notPermitted.join(", ") })}
            </p>
          ) : null}
          <PlanTable
            label={t("fleet.plan.title")}
            rows={current.items.map((i) => ({
              target: i.target,
              name: i.name,
              action: i.action,
              ...(applying.isSuccess ? { status: i.status } : {}),
              ...(i.reason ? { reason: i.reason } : {}),
              ...(i.message ? { message: i.message } : {}),
            }))}
          />
        </>
      ) : null}
    </Dialog>
  );
}
