import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useState } from "react";
import { deleteSample, previewKeys, samplesQuery } from "../api/preview.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { ObjectBrowser } from "./ObjectBrowser.tsx";
import type { PreviewSource } from "./source.ts";
import { UploadPanel } from "./UploadPanel.tsx";

const TABS = ["samples", "upload", "bucket"] as const;
type Tab = (typeof TABS)[number];

/** Samples (built-in and uploaded), a new upload, or an object of the bucket: tabs with arrow-key focus. */
export function SourcePicker({
  bucket,
  source,
  onChange,
}: {
  bucket: string;
  source: PreviewSource | null;
  onChange: (source: PreviewSource) => void;
}) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>(source?.kind === "object" ? "bucket" : "samples");
  const base = useId();
  const samples = useQuery(samplesQuery());
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: deleteSample,
    onSuccess: () => client.invalidateQueries({ queryKey: previewKeys.samples(), exact: true }),
  });
  const label = {
    samples: "preview.tab.samples",
    upload: "preview.tab.upload",
    bucket: "preview.tab.bucket",
  } as const;

  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? "samples";
    setTab(next);
    document.getElementById(`${base}-${next}`)?.focus();
  };

  const builtins = samples.data?.filter((s) => s.kind === "builtin") ?? [];
  const uploads = samples.data?.filter((s) => s.kind === "upload") ?? [];
  const selectedSample = source?.kind === "sample" ? source.id : "";
  const selectedUpload = uploads.find((u) => u.id === selectedSample);

  return (
    <div className="source-picker">
      <div role="tablist" aria-label={t("preview.sources")} className="tabs">
        {TABS.map((name) => (
          <button
            key={name}
            id={`${base}-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`${base}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            onClick={() => setTab(name)}
            onKeyDown={onTabKey}
          >
            {t(label[name])}
          </button>
        ))}
      </div>
      <div
        id={`${base}-${tab}-panel`}
        role="tabpanel"
        aria-labelledby={`${base}-${tab}`}
        className="tab-panel"
      >
        {tab === "samples" ? (
          samples.isError ? (
            <ErrorPanel error={samples.error} onRetry={() => samples.refetch()} />
          ) : (
            <div className="inline-field sample-row">
              <label htmlFor={`${base}-sample`} className="inline-label">
                {t("preview.source")}
              </label>
              <select
                id={`${base}-sample`}
                value={selectedSample}
                disabled={samples.isPending}
                onChange={(e) => onChange({ kind: "sample", id: e.target.value })}
              >
                {selectedSample === "" ? <option value="">—</option> : null}
                <optgroup label={t("preview.samples.builtin")}>
                  {builtins.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} · {s.width}×{s.height}
                    </option>
                  ))}
                </optgroup>
                {uploads.length > 0 ? (
                  <optgroup label={t("preview.samples.uploads")}>
                    {uploads.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name} · {s.width}×{s.height}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
              {selectedUpload ? (
                <button
                  type="button"
                  className="button button-small button-quiet button-quiet-danger"
                  disabled={remove.isPending}
                  onClick={() => {
                    remove.mutate(selectedUpload.id);
                    const first = builtins[0];
                    if (first) onChange({ kind: "sample", id: first.id });
                  }}
                >
                  {t("preview.upload.delete", { name: selectedUpload.name })}
                </button>
              ) : null}
            </div>
          )
        ) : tab === "upload" ? (
          <UploadPanel
            onUploaded={(sample) => {
              onChange({ kind: "sample", id: sample.id });
            }}
          />
        ) : (
          <ObjectBrowser
            bucket={bucket}
            selected={source?.kind === "object" && source.bucket === bucket ? source.key : null}
            onPick={(key) => onChange({ kind: "object", bucket, key })}
          />
        )}
      </div>
    </div>
  );
}
