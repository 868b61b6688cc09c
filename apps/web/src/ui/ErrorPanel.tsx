import type { ApiError } from "../api/error.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

const hints: Partial<Record<string, MessageKey>> = {
  AccessDenied: "error.hint.AccessDenied",
  NoSuchBucket: "error.hint.NoSuchBucket",
  TooManyStyles: "error.hint.TooManyStyles",
  Unauthorized: "error.hint.Unauthorized",
};

/** The hint for an error code: what the operator can do about it. */
export function useErrorHint(error: ApiError): string | null {
  const { t } = useI18n();
  if (error.status === 0) return t("error.network");
  const key = hints[error.code];
  if (key) return t(key);
  return error.requestId ? t("error.hint.generic") : null;
}

/**
 * An error as operators need it: the server's message, what to do, and the OSS request id to quote
 * to support (selectable, never truncated).
 */
export function ErrorPanel({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const hint = useErrorHint(error);
  return (
    <div className="error-panel" role="alert">
      <p className="error-title">{t("error.title")}</p>
      <p className="error-message">{error.message}</p>
      {hint ? <p className="error-hint">{hint}</p> : null}
      <dl className="error-facts">
        <div>
          <dt>{t("error.code")}</dt>
          <dd>
            <code>{error.code}</code>
          </dd>
        </div>
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
