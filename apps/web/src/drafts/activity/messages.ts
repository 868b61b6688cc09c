import { useChunkText } from "../../i18n/I18nProvider.tsx";
import type { Params } from "../../i18n/translate.ts";

/**
 * Texts of a draft's activity list. They travel in the drafts screen's lazy chunk, not in the global
 * dictionaries, so the list page does not download them (decision 034). `zhCNDraftActivity` must
 * translate every key (a compile error otherwise).
 */
export const enDraftActivity = {
  "draftActivity.title": "Activity",
  "draftActivity.loading": "Loading the activity…",
  "draftActivity.empty": "No activity recorded for this draft.",
  "draftActivity.someone": "someone",
  "draftActivity.draft.create": "{name} created the draft",
  "draftActivity.draft.update": "{name} edited the draft",
  "draftActivity.draft.request-review": "{name} requested review",
  "draftActivity.draft.send-back": "{name} sent it back",
  "draftActivity.draft.publish": "{name} published it",
  "draftActivity.draft.delete": "{name} deleted it",
  "draftActivity.other": "{name}: {action}",
} as const;

/** A key of the activity list's own texts. */
export type DraftActivityKey = keyof typeof enDraftActivity;

export const zhCNDraftActivity: Record<DraftActivityKey, string> = {
  "draftActivity.title": "动态",
  "draftActivity.loading": "正在加载动态…",
  "draftActivity.empty": "此草稿没有记录的动态。",
  "draftActivity.someone": "某人",
  "draftActivity.draft.create": "{name} 创建了草稿",
  "draftActivity.draft.update": "{name} 修改了草稿",
  "draftActivity.draft.request-review": "{name} 请求审核",
  "draftActivity.draft.send-back": "{name} 退回了草稿",
  "draftActivity.draft.publish": "{name} 发布了草稿",
  "draftActivity.draft.delete": "{name} 删除了草稿",
  "draftActivity.other": "{name}：{action}",
};

const texts = { en: enDraftActivity, "zh-CN": zhCNDraftActivity } as const;

/**
 * The activity list's text function, in the console's current language.
 * @example
 * const a = useDraftActivityText(); a("draftActivity.draft.send-back", { name: "Olga" }); // "Olga sent it back"
 */
export function useDraftActivityText(): (key: DraftActivityKey, params?: Params) => string {
  return useChunkText(texts);
}
