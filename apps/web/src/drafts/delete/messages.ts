import { useChunkText } from "../../i18n/I18nProvider.tsx";
import type { Params } from "../../i18n/translate.ts";

/**
 * Texts of deleting a draft. They travel in the delete's lazy chunk, not in the global dictionaries, so
 * the list page does not download them (decision 034). `zhCNDraftDelete` must translate every key (a
 * compile error otherwise).
 */
export const enDraftDelete = {
  "draftDelete.button": "Delete draft",
  "draftDelete.title": "Delete draft {id} of {name}?",
  "draftDelete.body":
    "Its content is discarded and it leaves the drafts list. Nothing changes in the bucket: the live style, if any, stays as it is.",
  "draftDelete.backToSaved":
    "The editor then shows the saved style again; edits not in the draft are lost too.",
  "draftDelete.backToList": "The editor then returns to the list; edits not in the draft are lost too.",
  "draftDelete.confirm": "Delete draft {id}",
  "draftDelete.deleting": "Deleting…",
  "draftDelete.done": "Draft {id} of {name} deleted.",
  "draftDelete.notAuthor": "Only the draft's author, or an operator or higher, may delete it.",
} as const;

/** A key of the draft delete's own texts. */
export type DraftDeleteKey = keyof typeof enDraftDelete;

export const zhCNDraftDelete: Record<DraftDeleteKey, string> = {
  "draftDelete.button": "删除草稿",
  "draftDelete.title": "删除 {name} 的草稿 {id}？",
  "draftDelete.body": "草稿内容将被丢弃，并从草稿列表中移除。存储空间不受影响：线上样式（如有）保持不变。",
  "draftDelete.backToSaved": "随后编辑器将重新显示已保存的样式；未存入草稿的修改也会丢失。",
  "draftDelete.backToList": "随后编辑器将返回样式列表；未存入草稿的修改也会丢失。",
  "draftDelete.confirm": "删除草稿 {id}",
  "draftDelete.deleting": "正在删除…",
  "draftDelete.done": "已删除 {name} 的草稿 {id}。",
  "draftDelete.notAuthor": "只有草稿作者或运维及以上角色可以删除此草稿。",
};

const texts = { en: enDraftDelete, "zh-CN": zhCNDraftDelete } as const;

/**
 * The draft delete's text function, in the console's current language.
 * @example
 * const d = useDraftDeleteText(); d("draftDelete.title", { id: 7, name: "thumb" }); // "Delete draft 7 of thumb?"
 */
export function useDraftDeleteText(): (key: DraftDeleteKey, params?: Params) => string {
  return useChunkText(texts);
}
