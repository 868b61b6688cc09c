import { useChunkText } from "../../i18n/I18nProvider.tsx";
import type { Params } from "../../i18n/translate.ts";

/**
 * Texts of the "require review" switch's history. They travel in the drafts screen's lazy chunk, not in
 * the global dictionaries, so the list page does not download them (decision 034). `zhCNReviewHistory`
 * must translate every key (a compile error otherwise).
 */
export const enReviewHistory = {
  "reviewHistory.review.enable": "Turned on by {name}",
  "reviewHistory.review.disable": "Turned off by {name}",
  "reviewHistory.someone": "someone",
  "reviewHistory.separator": ", ",
  "reviewHistory.earlier": "Earlier changes ({count})",
} as const;

/** A key of the switch history's own texts. */
export type ReviewHistoryKey = keyof typeof enReviewHistory;

export const zhCNReviewHistory: Record<ReviewHistoryKey, string> = {
  "reviewHistory.review.enable": "由 {name} 开启",
  "reviewHistory.review.disable": "由 {name} 关闭",
  "reviewHistory.someone": "某人",
  "reviewHistory.separator": "，",
  "reviewHistory.earlier": "更早的更改（{count}）",
};

const texts = { en: enReviewHistory, "zh-CN": zhCNReviewHistory } as const;

/**
 * The switch history's text function, in the console's current language.
 * @example
 * const r = useReviewHistoryText(); r("reviewHistory.review.enable", { name: "Olga" }); // "Turned on by Olga"
 */
export function useReviewHistoryText(): (key: ReviewHistoryKey, params?: Params) => string {
  return useChunkText(texts);
}
