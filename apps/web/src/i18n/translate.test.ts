import { describe, expect, it } from "vitest";
import { en, type MessageKey } from "./en.ts";
import { dictionaries, format, locales, pickLocale, placeholders, translate } from "./translate.ts";

const keys = Object.keys(en) as MessageKey[];

describe("dictionaries", () => {
  it.each(locales)("%s has every key and nothing else", (locale) => {
    expect(Object.keys(dictionaries[locale]).sort()).toEqual([...keys].sort());
  });

  it.each(locales)("%s has no empty text", (locale) => {
    const empty = keys.filter((k) => dictionaries[locale][k].trim() === "");
    expect(empty).toEqual([]);
  });

  it("uses the same placeholders in every language", () => {
    const mismatched = keys.filter(
      (k) => placeholders(dictionaries["zh-CN"][k]).join() !== placeholders(en[k]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it("translates zh-CN for real: most texts differ from English and contain Chinese", () => {
    // Product names, codes and variables may stay as they are; everything else must be translated.
    const untranslated = keys.filter((k) => dictionaries["zh-CN"][k] === en[k]);
    expect(untranslated).toEqual(["app.name", "header.bucket"]);
    const withHan = keys.filter((k) => /\p{Script=Han}/u.test(dictionaries["zh-CN"][k]));
    expect(withHan.length).toBe(keys.length - untranslated.length);
  });
});

describe("format and translate", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{count} of {limit}", { count: 3, limit: 50 })).toBe("3 of 50");
    expect(format("Hi {who}", {})).toBe("Hi {who}");
  });

  it("picks the dictionary of the locale", () => {
    expect(translate("en", "styles.count", { count: 4, limit: 50 })).toBe("4 of 50 styles");
    expect(translate("zh-CN", "styles.count", { count: 4, limit: 50 })).toBe("已用 4 / 50 个样式");
  });
});

describe("pickLocale", () => {
  it.each([
    [["zh-CN", "en"], "zh-CN"],
    [["zh"], "zh-CN"],
    [["zh-Hans-CN"], "zh-CN"],
    [["zh-TW", "en-US"], "en"],
    [["en-GB", "zh-CN"], "en"],
    [["fr-FR"], "en"],
    [[], "en"],
  ] as const)("%j → %s", (preferred, locale) => {
    expect(pickLocale(preferred)).toBe(locale);
  });
});
