/**
 * `@style-console/oss/access-log`: OSS's access-log format in one place — the field list in OSS's order,
 * a writer (the emulator's), a tolerant reader (the console's), log object names and the recognition of
 * a style's use in a logged request. Pure TypeScript, no Node built-ins.
 */
export {
  ACCESS_LOG_FIELDS,
  type AccessLogRecord,
  type FieldSpec,
  MIN_FIELDS,
  type RecordField,
} from "./fields.ts";
export { type LogLine, readLogLineBatches, readLogLines } from "./lines.ts";
export {
  accessLogListMarker,
  accessLogObjectName,
  logHourStart,
  parseAccessLogObjectName,
} from "./object-name.ts";
export {
  type AccessLogRequest,
  type LineError,
  type MalformedLine,
  type ParsedLine,
  type ParsedRequest,
  parseAccessLog,
  parseAccessLogLine,
  parseAccessLogRequest,
  parseLogTime,
} from "./parse.ts";
export { formatLogTime, type SerializeOptions, serializeAccessLogRecord } from "./serialize.ts";
export { requestTarget, type StyleUse, type StyleUseForm, styleUseOf } from "./style-use.ts";
