import type { SyntaxIssue, SyntaxIssueCode } from "@style-console/imgproc/syntax";
import type { Locale } from "./translate.ts";

/**
 * The syntax package explains problems in English, with exact ranges and expected values. For zh-CN we
 * lead with a Chinese sentence built from the issue's code, action and parameter, and keep the English
 * detail after it: the ranges and names in it (`w`, `1–16384`) read the same in both languages.
 */
const zh: Partial<Record<SyntaxIssueCode, (i: SyntaxIssue) => string>> = {
  Empty: () => "内容不完整",
  UnknownProcessKind: () => "未知的处理类型",
  UnknownOperation: () => "未知的操作",
  UnknownParameter: (i) => (i.operation ? `“${i.operation}”不支持该参数` : "未知的参数"),
  DuplicateParameter: (i) => (i.parameter ? `参数“${i.parameter}”重复` : "参数重复"),
  MissingParameter: (i) =>
    i.parameter ? `“${i.operation ?? ""}”缺少必需参数“${i.parameter}”` : `“${i.operation ?? ""}”缺少必需参数`,
  MissingValue: (i) => `参数“${i.parameter ?? ""}”缺少取值`,
  InvalidValue: (i) => `参数“${i.parameter ?? ""}”的取值无效`,
  OutOfRange: (i) => `参数“${i.parameter ?? ""}”超出取值范围`,
  TooManyValues: () => "取值过多",
  InvalidBase64: (i) => `参数“${i.parameter ?? ""}”必须是 URL 安全的 Base64 编码`,
  ConflictingParameters: () => "参数互相冲突",
  InvalidStyleName: () => "样式名称无效",
  UnsupportedPipe: () => "不支持管道操作",
  TooManyActions: () => "操作过多",
  TooLong: () => "内容过长",
};

export function syntaxMessage(issue: SyntaxIssue, locale: Locale): string {
  if (locale === "en") return issue.message;
  const lead = zh[issue.code]?.(issue);
  return lead ? `${lead}（${issue.message}）` : issue.message;
}
