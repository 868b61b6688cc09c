import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { healthQuery } from "../api/health.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { type Locale, localeNames, locales } from "../i18n/translate.ts";
import { Link } from "../router/router.tsx";

/** The console's frame: name, header controls, content and a footer with the server's version. */
export function Shell({ children, controls }: { children: ReactNode; controls?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="shell-header">
        <Link className="brand" to={{ name: "home" }}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>{t("app.name")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="shell-nav">
          <Link to={{ name: "home" }} aria-current="page">
            {t("nav.styles")}
          </Link>
        </nav>
        <div className="shell-controls">{controls}</div>
        <LanguageSwitch />
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </div>
  );
}

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="inline-field shell-language">
      <span className="visually-hidden">{t("header.language")}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function Footer() {
  const { t } = useI18n();
  const health = useQuery(healthQuery);
  let status: string;
  if (health.isPending) status = t("footer.connecting");
  else if (health.isError) status = t("footer.unreachable");
  else status = t("footer.version", { version: health.data.version });
  return (
    <footer className="shell-footer">
      <span>{t("app.name")}</span>
      <span role="status" aria-label={t("footer.serverStatus")}>
        {status}
      </span>
    </footer>
  );
}
