import { useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** A link or token shown once: its label, the value to select, and a copy button. */
export function OneTimeSecret({ label, secret }: { label: string; secret: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="stack" role="status">
      <p>{label}</p>
      <output className="secret-once" aria-label={label}>
        {secret}
      </output>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
        }}
      >
        {copied ? t("people.invite.copied") : t("people.invite.copy")}
      </button>
    </div>
  );
}
