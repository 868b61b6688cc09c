import { useMutation } from "@tanstack/react-query";
import { fetchParity } from "../api/preview.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { stripTicks } from "../lib/ticks.ts";
import { formatBytes } from "./facts.ts";
import { type PreviewSource, sourceParam } from "./source.ts";

/**
 * For a bucket object: the backend renders the same draft itself (a GetObject with x-oss-process) and
 * the BFF compares it with our preview, so a designer sees where the local preview and OSS differ.
 */
export function ParityCheck({
  source,
  process,
  bucket,
}: {
  source: PreviewSource;
  process: string;
  bucket: string;
}) {
  const { t, locale } = useI18n();
  const check = useMutation({
    mutationFn: (draft: string) => fetchParity(sourceParam(source), draft, bucket),
  });
  // A verdict belongs to the draft and source it was asked for.
  const current = check.variables === process;
  const data = current ? check.data : undefined;
  return (
    <div className="parity">
      <button
        type="button"
        className="button button-small"
        disabled={check.isPending}
        onClick={() => check.mutate(process)}
      >
        {check.isPending ? t("parity.checking") : t("parity.check")}
      </button>
      {data ? (
        <p
          role="status"
          className={data.similarity !== null && data.similarity < 0.95 ? "field-error" : "field-ok"}
        >
          {data.remote
            ? t("parity.result", {
                width: data.remote.width,
                height: data.remote.height,
                format: data.remote.format.toUpperCase(),
                bytes: formatBytes(data.remote.bytes, locale),
                score: data.similarity === null ? "—" : `${(data.similarity * 100).toFixed(1)}%`,
              })
            : t("parity.refused", { message: data.remoteError?.message ?? "" })}
        </p>
      ) : current && check.error ? (
        <p role="alert" className="field-error">
          {t("preview.failed", { message: stripTicks(check.error.message) })}
        </p>
      ) : (
        <p className="field-hint">{t("parity.hint")}</p>
      )}
    </div>
  );
}
