import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { MessageKey } from "./en.ts";
import { format, type Locale, locales, type Params, pickLocale, translate } from "./translate.ts";

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
}

const I18nContext = createContext<I18n | null>(null);
const storageKey = "style-console.locale";

function initialLocale(): Locale {
  const saved = localStorage.getItem(storageKey);
  if (saved && (locales as readonly string[]).includes(saved)) return saved as Locale;
  return pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(storageKey, next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n needs an <I18nProvider> above it");
  return value;
}

/**
 * The text function of a lazily loaded screen's own dictionaries (`{ en, "zh-CN" }`, each key → a
 * `{name}` template), in the console's current language: a screen keeps its strings in its own chunk
 * instead of the global dictionaries, and every such screen reads them the same way.
 * @example
 * const d = useChunkText({ en: { "x.title": "Delete {name}?" }, "zh-CN": { "x.title": "删除 {name}？" } });
 * d("x.title", { name: "thumb" }); // "Delete thumb?"
 */
export function useChunkText<K extends string>(
  texts: Record<Locale, Record<K, string>>,
): (key: K, params?: Params) => string {
  const { locale } = useI18n();
  return (key, params) => format(texts[locale][key], params);
}
