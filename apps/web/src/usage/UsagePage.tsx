import "./usage.css";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import type { ApiError } from "../api/error.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { exactTime, relativeTime } from "../lib/relative-time.ts";
import { Permitted } from "../session/Permitted.tsx";
import { useCan } from "../session/useSession.ts";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import {
  type BucketUsage,
  bucketUsageQuery,
  isUnused,
  type ScanResult,
  scanNow,
  setLogging,
  usageKeys,
} from "./api.ts";
import { DailyChart } from "./DailyChart.tsx";

/** `/buckets/$bucket/usage`: logging status (and enabling it), scans, and each style's use. */
export function UsagePage({ bucket }: { bucket: string }) {
  const { t } = useI18n();
  const usage = useQuery(bucketUsageQuery(bucket));
  return (
    <section aria-labelledby="usage-title" className="page">
      <div className="page-header">
        <div>
          <h1 id="usage-title">{t("usage.title")}</h1>
          <p className="page-subtitle">
            <span className="bucket-name">{bucket}</span> · {t("usage.lead")}
          </p>
        </div>
        <Link to="/usage/requests" className="button">
          {t("usage.requestsLink")}
        </Link>
      </div>
      {usage.isError ? <ErrorPanel error={usage.error as ApiError} onRetry={() => usage.refetch()} /> : null}
      {usage.data ? <UsageBody bucket={bucket} usage={usage.data} /> : null}
      {usage.isPending ? (
        <p role="status" className="muted">
          …
        </p>
      ) : null}
    </section>
  );
}

function UsageBody({ bucket, usage }: { bucket: string; usage: BucketUsage }) {
  const { t, locale } = useI18n();
  const [unusedOnly, setUnusedOnly] = useState(false);
  const filterId = useId();
  const now = Date.now();
  const styles = unusedOnly ? usage.styles.filter((s) => isUnused(s, now)) : usage.styles;
  return (
    <>
      <LoggingPanel bucket={bucket} usage={usage} />
      <ScanPanel bucket={bucket} usage={usage} />
      <div className="toolbar">
        <label htmlFor={filterId} className="inline-field">
          <input
            id={filterId}
            type="checkbox"
            checked={unusedOnly}
            onChange={(e) => setUnusedOnly(e.currentTarget.checked)}
          />{" "}
          {t("usage.filterUnused")}
        </label>
      </div>
      {unusedOnly && styles.length === 0 ? <p className="notice">{t("usage.noUnused")}</p> : null}
      <table className="style-table usage-table">
        <thead>
          <tr>
            <th scope="col">{t("usage.col.style")}</th>
            <th scope="col">{t("usage.col.lastUsed")}</th>
            <th scope="col">{t("usage.col.requests30d")}</th>
            <th scope="col">{t("usage.col.daily")}</th>
          </tr>
        </thead>
        <tbody>
          {styles.map((s) => (
            <tr key={s.name}>
              <th scope="row">
                <Link to="/buckets/$bucket/styles/$name/edit" params={{ bucket, name: s.name }}>
                  {s.name}
                </Link>
              </th>
              <td>
                {s.lastUsed ? (
                  <time dateTime={s.lastUsed} title={exactTime(new Date(s.lastUsed), locale)}>
                    {relativeTime(new Date(s.lastUsed), new Date(now), locale)}
                  </time>
                ) : (
                  <span className="muted">{t("usage.never")}</span>
                )}
              </td>
              <td className="numeric">{s.requests30d.toLocaleString(locale)}</td>
              <td>
                <DailyChart daily={s.daily} label={t("usage.chart", { name: s.name })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function LoggingPanel({ bucket, usage }: { bucket: string; usage: BucketUsage }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [targetBucket, setTargetBucket] = useState(bucket);
  const [targetPrefix, setTargetPrefix] = useState(`access-log/${bucket}/`);
  const bucketId = useId();
  const prefixId = useId();
  const mayChange = useCan("bucket.logging", bucket);
  const change = useMutation({
    mutationFn: (enabled: boolean) =>
      setLogging(bucket, enabled ? { enabled: true, targetBucket, targetPrefix } : { enabled: false }),
    onSuccess: () => client.invalidateQueries({ queryKey: usageKeys.bucket(bucket) }),
  });
  const { logging } = usage;
  if (logging.enabled) {
    return (
      <div className="notice">
        <p>{t("usage.loggingOn", { target: `${logging.targetBucket}/${logging.targetPrefix ?? ""}` })}</p>
        <Permitted verdict={mayChange}>
          {(p) => (
            <button
              type="button"
              className="button"
              disabled={change.isPending || p.disabled}
              aria-describedby={p["aria-describedby"]}
              title={p.title}
              onClick={() => change.mutate(false)}
            >
              {t("usage.disable")}
            </button>
          )}
        </Permitted>
        {change.isError ? <ErrorPanel error={change.error as ApiError} /> : null}
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(true);
  };
  return (
    <form className="notice usage-logging" onSubmit={submit}>
      <p>{t("usage.loggingOff")}</p>
      <div className="field">
        <label htmlFor={bucketId}>{t("usage.targetBucket")}</label>
        <input
          id={bucketId}
          value={targetBucket}
          onChange={(e) => setTargetBucket(e.currentTarget.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={prefixId}>{t("usage.targetPrefix")}</label>
        <input id={prefixId} value={targetPrefix} onChange={(e) => setTargetPrefix(e.currentTarget.value)} />
        <p className="hint">{t("usage.targetHint")}</p>
      </div>
      <Permitted verdict={mayChange}>
        {(p) => (
          <button
            type="submit"
            className="button button-primary"
            disabled={change.isPending || p.disabled}
            aria-describedby={p["aria-describedby"]}
            title={p.title}
          >
            {t("usage.enable")}
          </button>
        )}
      </Permitted>
      {change.isError ? <ErrorPanel error={change.error as ApiError} /> : null}
    </form>
  );
}

function ScanPanel({ bucket, usage }: { bucket: string; usage: BucketUsage }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const scan = useMutation({
    mutationFn: () => scanNow(bucket),
    onSuccess: () => client.invalidateQueries({ queryKey: usageKeys.bucket(bucket) }),
  });
  const result: ScanResult | undefined = scan.data;
  return (
    <div className="toolbar">
      <p className="muted" role="status">
        {usage.scannedThrough
          ? t("usage.scannedThrough", { time: exactTime(new Date(usage.scannedThrough), locale) })
          : t("usage.neverScanned")}{" "}
        {usage.malformedLines > 0 ? t("usage.malformedTotal", { count: usage.malformedLines }) : null}
      </p>
      <button
        type="button"
        className="button"
        disabled={scan.isPending || !usage.logging.enabled}
        onClick={() => scan.mutate()}
      >
        {scan.isPending ? t("usage.scanning") : t("usage.scan")}
      </button>
      {result ? (
        <p role="status">
          {t("usage.scanResult", {
            objects: result.objects,
            lines: result.lines,
            malformed: result.malformed,
          })}{" "}
          {result.missing.length > 0 ? t("usage.scanMissing", { count: result.missing.length }) : null}
        </p>
      ) : null}
      {result?.warnings.map((w) => (
        <p key={w.kind} className="notice" title={w.detail}>
          {t(`usage.warning.${w.kind}`)}
        </p>
      ))}
      {scan.isError ? <ErrorPanel error={scan.error as ApiError} /> : null}
    </div>
  );
}
