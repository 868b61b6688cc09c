import type { Locale } from "./translate.ts";

/**
 * The zh-CN text of every error code the BFF answers with (apps/bff/src: http/, buckets/, styles/,
 * preview/, session/). The server writes its messages in English; the console shows them in its own
 * language by code. English keeps the server's own message, which names the bucket or style concerned.
 */
const zhCN: Record<string, string> = {
  // Requests and sessions
  CsrfRejected: "该请求并非来自本控制台，已被拒绝。",
  MalformedJson: "请求内容不是有效的 JSON。",
  PayloadTooLarge: "请求内容过大。",
  InvalidRequest: "请求无效。",
  InvalidArgument: "请求参数无效。",
  InvalidToken: "令牌不正确。",
  TooManyAttempts: "尝试次数过多，请稍后再试。",
  Unauthorized: "登录已失效，请重新登录。",
  NotFound: "请求的内容不存在。",
  InternalError: "控制台内部出错。",
  // People, sign-in and profile
  AccountDisabled: "此账户已停用。",
  BucketNotAllowed: "你无权访问此存储空间。",
  BuiltinAccount: "内置账户不能这样修改。",
  Forbidden: "你的角色无权执行此操作。",
  InvalidCredentials: "用户名或密码不正确。",
  LinkInvalid: "此链接无效或已过期。",
  NoAccessRule: "没有适用的访问规则。",
  NoSuchSession: "该会话不存在。",
  NoSuchToken: "该令牌不存在。",
  NoSuchUser: "该用户不存在。",
  NotWithThisSignIn: "以当前登录方式无法执行此操作。",
  NotYourself: "不能对自己执行此操作。",
  OidcFailed: "单点登录失败。",
  OidcUnavailable: "单点登录服务暂时不可用。",
  PreconditionRequired: "请求缺少必要的前置条件。",
  RoleTooHigh: "不能授予高于你自己的角色。",
  SsoNotConfigured: "未配置单点登录。",
  Starting: "控制台正在启动，请稍后再试。",
  UsernameTaken: "该用户名已被使用。",
  WeakPassword: "密码强度不足。",
  WrongPassword: "密码不正确。",
  // History, drafts and review (issue 11)
  NoSuchVersion: "此样式没有该版本。",
  NoSuchDraft: "此存储空间中没有该草稿。",
  DraftChanged: "此草稿已被他人修改，请重新加载。",
  DraftPublished: "此草稿已发布。",
  ReviewNotRequested: "此草稿尚未提交审核。",
  ReviewRequired: "此存储空间的每项修改都需要审核：请保存草稿并提交审核。",
  OwnDraft: "不能审核或发布自己的草稿。",
  // Fleet: copy, sync, import (issue 12)
  InvalidImportFile: "导入文件无效。",
  NoTargets: "请至少选择一个源存储空间以外的目标存储空间。",
  NoSuchJob: "没有该任务。",
  JobNotPlanned: "只有处于计划状态的任务才能执行。",
  NotYourPlan: "只有制定此计划的人才能执行它。",
  PlanMismatch: "此计划与当前存储空间不符。",
  NotAvailable: "此功能当前不可用。",
  // Usage (issue 13)
  InvalidTargetBucketForLogging: "日志目标存储空间无效。",
  // Resources (issue 14)
  PreviewTooExpensive: "此图片上的处理开销过大，无法预览：请先缩小图片或简化处理。",
  ImageTooExpensive: "此图片解码所需内存超出预览上限。",
  IncompleteBody: "请求内容不完整。",
  RequestTimeout: "上传超时：请在更稳定的网络下重试。",
  // Buckets and styles
  UnknownBucket: "控制台未管理此存储空间。",
  NoSuchBucket: "OSS 中不存在此存储空间。",
  NoSuchStyle: "此样式不存在。",
  StyleExists: "此存储空间中已有同名样式。",
  StyleChanged: "你打开此样式后，其他人已修改了它。",
  StyleLimitReached: "此存储空间的样式数量已达上限。",
  InvalidStyleName: "样式名称无效。",
  InvalidStyleContent: "样式内容无效。",
  Empty: "内容为空。",
  TooLong: "内容过长。",
  InvalidCharacter: "包含不允许的字符。",
  ForbiddenCharacter: "样式内容中包含不允许的字符。",
  InvalidValue: "参数值无效。",
  UnsupportedProcessKind: "样式只能保存 image/… 处理链。",
  // Previews
  PreviewBusy: "预览服务繁忙，请稍后重试。",
  SourceTooLarge: "原图过大，无法预览。",
  UnsupportedImage: "无法识别该图片格式。",
  NoSuchKey: "存储空间中不存在该文件。",
  BuiltinSample: "内置示例图片不能这样使用。",
  CorruptImage: "图片已损坏，无法解码。",
  ImageTooLarge: "图片尺寸过大，无法处理。",
  InvalidProcess: "处理参数无效。",
  InvalidSource: "预览原图无效。",
  MalformedUpload: "上传内容格式有误。",
  MissingFile: "请求中没有文件。",
  NoBucket: "未指定存储空间。",
  NoSuchSample: "该示例图片不存在。",
  NoSuchWatermark: "水印图片不存在。",
  SourcesBusy: "原图下载繁忙，请稍后重试。",
  UnreadableImage: "无法读取该图片。",
  UnsupportedImageType: "不支持该图片类型。",
  UnsupportedMediaType: "不支持该内容类型。",
  UploadsBusy: "上传繁忙，请稍后重试。",
  UploadQuotaExceeded: "上传的图片已达到存储配额。",
  Unauthenticated: "请先登录。",
  // Codes of the contract's API_ERRORS table that had no text yet
  BadRequest: "请求无效。",
  InvalidCursor: "分页位置无效，请从第一页重新开始。",
  MissingArgument: "缺少必需的参数。",
  WatermarkError: "水印无法应用。",
  RequestAborted: "请求已取消。",
  ProcessTimeout: "图片处理超时，请稍后重试。",
  // OSS, through the BFF
  UpstreamDenied: "OSS 拒绝了控制台的请求（权限不足）。",
  UpstreamNotFound: "OSS 中找不到所请求的资源。",
  UpstreamRejected: "OSS 拒绝了该请求。",
  UpstreamBusy: "OSS 暂时繁忙。",
  UpstreamTimeout: "OSS 响应超时。",
  UpstreamUnreachable: "无法连接 OSS。",
  UpstreamFailed: "OSS 返回了错误。",
  UpstreamCallFailed: "调用 OSS 失败。",
  UpstreamBadResponse: "OSS 的响应无法解析。",
  CredentialsError: "OSS 访问凭证有误。",
  SignatureDoesNotMatch: "OSS 签名校验失败，请检查访问凭证。",
};

/**
 * The message to show for a server error in `locale`: in zh-CN the text for its code (the server's
 * English message stays available in the error panel's details), in English the server's message.
 * An unknown code in zh-CN falls back to a generic sentence rather than English.
 */
export function serverMessage(error: { code: string; message: string }, locale: Locale): string {
  if (locale === "en") return error.message;
  return zhCN[error.code] ?? "服务器返回了错误。";
}

/** The codes that have zh-CN text, for the completeness test. */
export const translatedCodes: readonly string[] = Object.keys(zhCN);
