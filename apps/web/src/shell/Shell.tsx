import { useQuery } from "@tanstack/react-query";
import { Link, useMatches, useParams, useRouter } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { healthQuery } from "../api/health.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { type Locale, localeNames, locales } from "../i18n/translate.ts";

/** The console's frame: name, header controls, content and a footer with the server's version. */
export function Shell({ children, controls }: { children: ReactNode; controls?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="shell-header">
        <Link className="brand" to="/">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>{t("app.name")}</span>
        </Link>
        <Navigation />
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

/**
 * The header's links: every registered route with `staticData.nav`, in `order`. A route with path
 * parameters (the styles of `$bucket`) links with the current ones, or to `/` when there are none.
 */
function Navigation() {
  const { t, locale } = useI18n();
  const router = useRouter();
  const params: Record<string, string> = useParams({ strict: false });
  const matches = useMatches();
  const items = Object.values(router.routesById)
    .flatMap((route) => (route.options.staticData?.nav ? [{ route, nav: route.options.staticData.nav }] : []))
    .sort((a, b) => a.nav.order - b.nav.order);
  return (
    <nav aria-label={t("nav.main")} className="shell-nav">
      {items.map(({ route, nav }) => {
        const path: string = route.fullPath;
        const needed = [...path.matchAll(/\$(\w+)/g)].map((m) => m[1] as string);
        const complete = needed.every((name) => params[name] !== undefined);
        const current = matches.some((m) => m.fullPath.startsWith(path));
        return (
          <Link
            key={route.id}
            // The route tree is typed, but this list is built from it at run time.
            to={(complete ? path : "/") as "/"}
            params={params as never}
            aria-current={current ? "page" : undefined}
          >
            {nav.label[locale]}
          </Link>
        );
      })}
    </nav>
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
