import type { UpstreamDetails } from "@style-console/contract/errors";
import type { ApiError } from "../api/error.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { serverMessage } from "../i18n/server-messages.ts";
import { RichText } from "./RichText.tsx";

// What the operator can do, by the BFF's error code (the contract's API_ERRORS).
const hints: Partial<Record<string, MessageKey>> = {
  UpstreamDenied: "error.hint.UpstreamDenied",
  NoSuchBucket: "error.hint.NoSuchBucket",
  UnknownBucket: "error.hint.UnknownBucket",
  StyleLimitReached: "error.hint.StyleLimitReached",
  UpstreamUnreachable: "error.hint.UpstreamUnreachable",
  UpstreamTimeout: "error.hint.UpstreamUnreachable",
  UpstreamBusy: "error.hint.UpstreamBusy",
};

/** The OSS side of an upstream error, as the BFF passes it in `details.upstream` (typed by the contract). */
export function upstreamOf(error: ApiError): UpstreamDetails | null {
  const details: unknown = error.body?.details;
  return typeof details === "object" && details !== null && "upstream" in details
    ? ((details as { upstream?: UpstreamDetails }).upstream ?? null)
    : null;
}

/** The hint for an error: ours by code (translated), else a generic one when OSS was involved. */
export function useErrorHint(error: ApiError): string | null {
  const { t } = useI18n();
  if (error.status === 0) return t("error.network");
  const key = hints[error.code];
  if (key) return t(key);
  return error.requestId ? t("error.hint.generic") : null;
}

/**
 * An error as operators need it: the server's message, what to do, OSS's own code and hint, and the OSS
 * request id to quote to support (selectable, never truncated).
 */
export function ErrorPanel({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  const hint = useErrorHint(error);
  const upstream = upstreamOf(error);
  return (
    <div className="error-panel" role="alert">
      <p className="error-title">{t("error.title")}</p>
      <p className="error-message">
        <RichText text={serverMessage(error, locale)} />
      </p>
      {hint ? <p className="error-hint">{hint}</p> : null}
      {upstream?.hint ? (
        <p className="error-hint">
          {t("error.ossHint")}: {upstream.hint}
        </p>
      ) : null}
      <dl className="error-facts">
        <div>
          <dt>{t("error.code")}</dt>
          <dd>
            <code>{error.code}</code>
          </dd>
        </div>
        {upstream?.code ? (
          <div>
            <dt>{t("error.ossCode")}</dt>
            <dd>
              <code>
                {upstream.code}
                {upstream.ec ? ` (EC ${upstream.ec})` : ""}
              </code>
            </dd>
          </div>
        ) : null}
        {error.requestId ? (
          <div>
            <dt>{t("error.requestId")}</dt>
            <dd>
              <code className="selectable">{error.requestId}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t("error.retry")}
        </button>
      ) : null}
    </div>
  );
}
