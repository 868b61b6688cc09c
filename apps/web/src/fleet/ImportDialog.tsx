import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Bucket } from "../api/buckets.ts";
import { ApiError } from "../api/error.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { fleetKeys, type ImportPlan, type ImportResults, importFile } from "./api.ts";
import { PlanTable } from "./PlanTable.tsx";

/** Import an exported style file into a bucket: always the plan first, then apply it as reviewed. */
export function ImportDialog({
  open,
  buckets,
  initialBucket,
  onClose,
}: {
  open: boolean;
  buckets: readonly Bucket[];
  initialBucket: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [bucket, setBucket] = useState(initialBucket);
  const [file, setFile] = useState<unknown>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [results, setResults] = useState<ImportResults | null>(null);
  const dryRun = useMutation({
    mutationFn: (content: unknown) => importFile(bucket, content),
    onSuccess: (answer) => setPlan(answer as ImportPlan),
  });
  const apply = useMutation({
    mutationFn: () => importFile(bucket, file, plan?.planId),
    onSuccess: (answer) => {
      setResults(answer as ImportResults);
      void client.invalidateQueries({ queryKey: fleetKeys.all() });
      void client.invalidateQueries({ queryKey: ["buckets"] });
    },
  });
  const [readError, setReadError] = useState<ApiError | null>(null);
  const close = () => {
    setFile(null);
    setPlan(null);
    setResults(null);
    dryRun.reset();
    apply.reset();
    onClose();
  };
  const writes = plan?.plan.filter((p) => ["create", "update", "delete"].includes(p.action)).length ?? 0;
  return (
    <Dialog
      open={open}
      wide
      title={t("fleet.import.title", { bucket })}
      onClose={close}
      actions={
        <>
          {plan && !results ? (
            <button
              type="button"
              className="button button-primary"
              disabled={writes === 0 || apply.isPending}
              onClick={() => apply.mutate()}
            >
              {t("fleet.apply")} ({t("fleet.plan.writes", { count: writes })})
            </button>
          ) : null}
          <button type="button" className="button button-quiet" onClick={close}>
            {t("fleet.close")}
          </button>
        </>
      }
    >
      {!plan ? (
        <div className="fleet-import">
          <label className="field">
            <span>{t("fleet.import.bucket")}</span>
            <select value={bucket} onChange={(e) => setBucket(e.target.value)}>
              {buckets.map((b) => (
                <option key={b.name} value={b.name}>
                  {b.name} ({b.region})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("fleet.import.file")}</span>
            <input
              type="file"
              accept="application/json,.json"
              onChange={async (e) => {
                const chosen = e.target.files?.[0];
                if (!chosen) return;
                setReadError(null);
                try {
                  const parsed: unknown = JSON.parse(await chosen.text());
                  setFile(parsed);
                  dryRun.mutate(parsed);
                } catch (error) {
                  setReadError(
                    new ApiError(
                      400,
                      "InvalidImportFile",
                      t("fleet.import.unreadable", { message: (error as Error).message }),
                    ),
                  );
                }
              }}
            />
          </label>
        </div>
      ) : null}
      {readError ? <ErrorPanel error={readError} /> : null}
      {dryRun.isError ? <ErrorPanel error={dryRun.error} /> : null}
      {apply.isError ? <ErrorPanel error={apply.error} /> : null}
      {results ? (
        <PlanTable label={t("fleet.plan.title")} rows={results.results} />
      ) : plan ? (
        <PlanTable label={t("fleet.plan.title")} rows={plan.plan} />
      ) : null}
    </Dialog>
  );
}
