/** English texts of the style list's thumbnails, usage, selection, duplicate and rename (issues 13, 16). */
export const enList = {
  "list.selectAll": "Select all shown styles",
  "list.select": "Select {name}",
  "list.usage.unknown": "Unknown",
  "list.usage.unknownWhy": "Usage unknown: this bucket's access logs are off or not read yet.",
  "list.selected": "{count} selected",
  "list.deleteSelected": "Delete selected…",
  "list.selectUnused": "Select unused",
  "list.selectUnusedNone": "No style here was unused for 30 days.",
  "list.clearSelection": "Clear selection",
  "list.duplicate": "Duplicate {name}",
  "list.rename": "Rename {name}",
} as const;

export const zhCNList: Record<keyof typeof enList, string> = {
  "list.selectAll": "选择显示的全部样式",
  "list.select": "选择 {name}",
  "list.usage.unknown": "未知",
  "list.usage.unknownWhy": "使用情况未知：此存储空间的访问日志未开启或尚未读取。",
  "list.selected": "已选择 {count} 个",
  "list.deleteSelected": "删除所选…",
  "list.selectUnused": "选择未使用的",
  "list.selectUnusedNone": "这里没有 30 天未使用的样式。",
  "list.clearSelection": "取消选择",
  "list.duplicate": "复制 {name}",
  "list.rename": "重命名 {name}",
};
