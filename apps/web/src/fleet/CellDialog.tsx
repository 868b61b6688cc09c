import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { samplesQuery } from "../api/preview.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { diffContent } from "../lib/content-diff.ts";
import { previewUrl } from "../preview/source.ts";
import { DiffView } from "../styles/editor/DiffView.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import type { FleetMatrix } from "./api.ts";
import { styleUrlsQuery } from "./api.ts";

type Row = FleetMatrix["rows"][number];

/** One matrix cell: the diff against the reference, both previews on the same sample, and the style's URLs. */
export function CellDialog({
  row,
  bucket,
  reference,
  onClose,
}: {
  row: Row | null;
  bucket: string;
  reference: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const samples = useQuery(samplesQuery());
  const sample = samples.data?.[0];
  const mine = row?.cells.find((c) => c.bucket === bucket);
  const theirs = row?.cells.find((c) => c.bucket === reference);
  const name = row?.name ?? "";
  const figure = (label: string, owner: string, content: string | null | undefined) => (
    <figure className="fleet-preview">
      <figcaption>{label}</figcaption>
      {content ? (
        <>
          <code className="fleet-content">{content}</code>
          {sample ? (
            <img
              src={previewUrl({ kind: "sample", id: sample.id }, content, owner)}
              alt={t("fleet.cell.preview", { style: name, bucket: owner })}
              loading="lazy"
            />
          ) : null}
        </>
      ) : (
        <p className="muted">{t("fleet.cell.none")}</p>
      )}
    </figure>
  );
  return (
    <Dialog open={row !== null} wide title={t("fleet.cell.title", { style: name, bucket })} onClose={onClose}>
      {row ? (
        <>
          {theirs?.content && mine?.content && bucket !== reference ? (
            <DiffView
              entries={diffContent(theirs.content, mine.content)}
              label={t("fleet.cell.title", { style: name, bucket })}
            />
          ) : null}
          <div className="fleet-previews">
            {bucket !== reference
              ? figure(t("fleet.cell.reference", { bucket: reference }), reference, theirs?.content)
              : null}
            {figure(bucket, bucket, mine?.content)}
          </div>
          {mine?.content ? <StyleUrlsPanel bucket={bucket} style={name} /> : null}
        </>
      ) : null}
    </Dialog>
  );
}

function StyleUrlsPanel({ bucket, style }: { bucket: string; style: string }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState("");
  const [key, setKey] = useState("");
  const [copied, setCopied] = useState<string | null>(null);
  const urls = useQuery(styleUrlsQuery(bucket, key, style));
  return (
    <section className="fleet-urls" aria-label={t("fleet.urls.title", { style })}>
      <h3>{t("fleet.urls.title", { style })}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setKey(draft.trim());
        }}
      >
        <label className="inline-field">
          <span className="inline-label">{t("fleet.urls.key")}</span>
          <input value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="photos/example.jpg" />
        </label>
        <button type="submit" className="button" disabled={draft.trim() === ""}>
          {t("fleet.urls.show")}
        </button>
      </form>
      {urls.isError ? <ErrorPanel error={urls.error} /> : null}
      {urls.data ? (
        <ul className="fleet-url-list">
          {urls.data.urls.map((u) => {
            const label =
              u.kind === "delimiter"
                ? t("fleet.urls.kind.delimiter", { delimiter: u.delimiter ?? "" })
                : u.kind === "presigned"
                  ? t("fleet.urls.kind.presigned", {
                      time: new Date(u.expiresAt ?? 0).toLocaleString(locale),
                    })
                  : t("fleet.urls.kind.process");
            return (
              <li key={u.url}>
                <span className="fleet-url-kind">{label}</span>
                <code className="fleet-url">{u.url}</code>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`${t("fleet.urls.copy")} ${label}`}
                  onClick={async () => {
                    await navigator.clipboard?.writeText(u.url).catch(() => undefined);
                    setCopied(u.url);
                  }}
                >
                  {copied === u.url ? t("fleet.urls.copied") : t("fleet.urls.copy")}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {urls.data?.note ? <p className="muted">{urls.data.note}</p> : null}
    </section>
  );
}
