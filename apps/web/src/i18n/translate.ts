import { en, type MessageKey, type Messages } from "./en.ts";
import { zhCN } from "./zh-CN.ts";

/**
 * Two hand-written dictionaries instead of an i18n library: the console has two languages and ~120
 * strings, typed keys catch mistakes at compile time, and the bundle stays small (decision 003).
 */
export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];

export const dictionaries: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/** Each language's name in itself, for the switcher. */
export const localeNames: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a gap is noticed, not hidden. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return format(dictionaries[locale][key], params);
}

/** The browser's preferred language decides the default: any Chinese variant but zh-TW/HK reads zh-CN. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("zh")) {
      if (/^zh-(tw|hk|mo|hant)/.test(lower)) continue;
      return "zh-CN";
    }
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

/** Placeholders a template uses, for the completeness test. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
