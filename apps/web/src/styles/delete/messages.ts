import { useChunkText } from "../../i18n/I18nProvider.tsx";
import type { Params } from "../../i18n/translate.ts";

/**
 * Texts of the list's dialogs (delete with usage and typed confirmation, the bulk plan, duplicate and
 * rename; issues 13, 16). They live in the dialogs' lazy chunk, not in the global dictionaries, so the
 * list page does not download them before a dialog opens (decision 034). `zhCNDialogs` must translate
 * every key (a compile error otherwise).
 */
export const enDialogs = {
  "delete.usage.unknown": "Usage unknown: access logs are off or not read yet.",
  "delete.usage.never": "No request for {name} is in the access logs read so far.",
  "delete.usage.used": "Used {count} times in the last 30 days; last used {when}.",
  "delete.usage.usedLongAgo": "Not used in the last 30 days; last used {when}.",
  "delete.usage.recent": "{name} was used in the last 7 days: type its name to delete it.",
  "delete.typeName": "Type {name} to confirm",
  "bulk.title": "Delete {count} styles?",
  "bulk.lead":
    "These styles will be deleted one by one; images requested with them fail with NoSuchStyle until restored.",
  "bulk.plan": "Styles to delete",
  "bulk.col.status": "Status",
  "bulk.recent": "{count} of them were used in the last 7 days: type {count} to delete them all.",
  "bulk.typeCount": "Type {count} to confirm",
  "bulk.confirm": "Delete {count} styles",
  "bulk.stop": "Stop after this one",
  "bulk.close": "Close",
  "bulk.progress": "Deleted {done} of {total}",
  "bulk.status.planned": "Planned",
  "bulk.status.deleting": "Deleting…",
  "bulk.status.deleted": "Deleted",
  "bulk.status.changed": "Kept: changed since the plan",
  "bulk.status.gone": "Already gone",
  "bulk.status.failed": "Failed: {message}",
  "bulk.status.skipped": "Not deleted (stopped)",
  "bulk.summary": "{deleted} deleted, {kept} kept.",

  "list.duplicate.title": "Duplicate {name}",
  "list.duplicate.lead": "A new style with the same content and category.",
  "list.duplicate.submit": "Duplicate",
  "list.duplicate.done": "Created {name} as a copy of {from}.",
  "list.rename.title": "Rename {name}",
  "list.rename.lead":
    "A copy under the new name, then a delete of {name}, both recorded as a rename. URLs with style/{name} stop working.",
  "list.rename.submit": "Rename",
  "list.rename.done": "Renamed {from} to {name}.",
  "list.name": "New name",
  "list.nameTaken": "A style named {name} exists already.",
  "list.working": "Working…",
} as const;

/** A key of the dialogs' own texts. */
export type DialogKey = keyof typeof enDialogs;

export const zhCNDialogs: Record<DialogKey, string> = {
  "delete.usage.unknown": "使用情况未知：访问日志未开启或尚未读取。",
  "delete.usage.never": "已读取的访问日志中没有 {name} 的请求。",
  "delete.usage.used": "最近 30 天使用了 {count} 次；最近一次使用于 {when}。",
  "delete.usage.usedLongAgo": "最近 30 天未使用；最近一次使用于 {when}。",
  "delete.usage.recent": "{name} 在最近 7 天内有使用：请输入其名称以删除。",
  "delete.typeName": "输入 {name} 以确认",
  "bulk.title": "删除 {count} 个样式？",
  "bulk.lead": "以下样式将被逐个删除；在恢复之前，使用它们请求的图片返回 NoSuchStyle 错误。",
  "bulk.plan": "要删除的样式",
  "bulk.col.status": "状态",
  "bulk.recent": "其中 {count} 个在最近 7 天内有使用：输入 {count} 以全部删除。",
  "bulk.typeCount": "输入 {count} 以确认",
  "bulk.confirm": "删除 {count} 个样式",
  "bulk.stop": "完成当前这个后停止",
  "bulk.close": "关闭",
  "bulk.progress": "已删除 {done} / {total}",
  "bulk.status.planned": "计划中",
  "bulk.status.deleting": "删除中…",
  "bulk.status.deleted": "已删除",
  "bulk.status.changed": "已保留：计划后被修改",
  "bulk.status.gone": "已不存在",
  "bulk.status.failed": "失败：{message}",
  "bulk.status.skipped": "未删除（已停止）",
  "bulk.summary": "已删除 {deleted} 个，保留 {kept} 个。",

  "list.duplicate.title": "复制 {name}",
  "list.duplicate.lead": "新建一个内容和类别相同的样式。",
  "list.duplicate.submit": "复制",
  "list.duplicate.done": "已创建 {name}，复制自 {from}。",
  "list.rename.title": "重命名 {name}",
  "list.rename.lead": "以新名称复制，再删除 {name}，两步都记为重命名。使用 style/{name} 的 URL 将失效。",
  "list.rename.submit": "重命名",
  "list.rename.done": "已将 {from} 重命名为 {name}。",
  "list.name": "新名称",
  "list.nameTaken": "名为 {name} 的样式已存在。",
  "list.working": "处理中…",
};

const dialogTexts = { en: enDialogs, "zh-CN": zhCNDialogs } as const;

/**
 * The dialogs' text function, in the console's current language.
 * @example
 * const d = useDialogText(); d("bulk.title", { count: 3 }); // "Delete 3 styles?"
 */
export function useDialogText(): (key: DialogKey, params?: Params) => string {
  return useChunkText(dialogTexts);
}
