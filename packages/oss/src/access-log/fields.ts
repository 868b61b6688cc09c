/**
 * The fields of an OSS access-log line, in OSS's order: the one home of the format, written by the
 * emulator and read by the console.
 *
 * Source: shared/reference/oss-logging-buckets.md §2.3 (help.aliyun.com/zh/oss/user-guide/logging, the
 * 29-field format current since 2025-09-17). Older objects end after field 25 (2019) or 28 (2021); newer ones
 * may append fields at the end, which readers must tolerate (§2.2, §2.4).
 */

/** How a field is written: a bare token, `[…]` (the time only) or `"…"`. */
export type FieldEncoding = "bare" | "bracketed" | "quoted";

/** What a field holds once parsed: text, a decimal integer, or the request time (epoch milliseconds). */
export type FieldType = "text" | "int" | "time";

export interface FieldSpec {
  /** OSS's name of the field (§2.3), or `Reserved` for the two slots that are always `-`. */
  readonly name: string;
  readonly encoding: FieldEncoding;
  readonly type: FieldType;
}

const f = (name: string, encoding: FieldEncoding, type: FieldType = "text"): FieldSpec => ({
  name,
  encoding,
  type,
});

/**
 * The 29 fields, in order (§2.3). Index = position in the line.
 *
 * @example
 * ACCESS_LOG_FIELDS[4].name; // "RequestURL"
 */
export const ACCESS_LOG_FIELDS: readonly FieldSpec[] = [
  f("RemoteIP", "bare"),
  f("Reserved", "bare"),
  f("Reserved", "bare"),
  f("Time", "bracketed", "time"),
  f("RequestURL", "quoted"),
  f("HTTPStatus", "bare", "int"),
  f("SentBytes", "bare", "int"),
  f("RequestTime", "bare", "int"),
  f("Referer", "quoted"),
  f("UserAgent", "quoted"),
  f("HostName", "quoted"),
  f("RequestID", "quoted"),
  f("LoggingFlag", "quoted"),
  f("RequesterAliyunID", "quoted"),
  f("Operation", "quoted"),
  f("BucketName", "quoted"),
  f("ObjectName", "quoted"),
  f("ObjectSize", "bare", "int"),
  f("ServerCostTime", "bare", "int"),
  f("ErrorCode", "quoted"),
  f("RequestLength", "bare", "int"),
  f("UserID", "quoted"),
  f("DeltaDataSize", "bare", "int"),
  f("SyncRequest", "quoted"),
  f("StorageClass", "quoted"),
  f("TargetStorageClass", "quoted"),
  f("TransmissionAccelerationAccessPoint", "quoted"),
  f("AccessKeyID", "quoted"),
  f("BucketARN", "quoted"),
];

/** Lines of the 2019 format have 25 fields; fewer means the line was cut (§2.4). */
export const MIN_FIELDS = 25;

/**
 * One access-log entry. Keys are OSS's field names (§2.3); `null` is the log's `-` ("unknown or not
 * applicable", §2.5). Fields a shorter (2019/2021) line lacks are `null` too. `Time` is epoch ms (UTC);
 * `extra` keeps, verbatim, any fields OSS appends after `BucketARN`.
 */
export interface AccessLogRecord {
  RemoteIP: string | null;
  Time: number;
  RequestURL: string;
  HTTPStatus: number;
  SentBytes: number | null;
  RequestTime: number | null;
  Referer: string | null;
  UserAgent: string | null;
  HostName: string | null;
  RequestID: string | null;
  LoggingFlag: string | null;
  RequesterAliyunID: string | null;
  Operation: string | null;
  BucketName: string | null;
  ObjectName: string | null;
  ObjectSize: number | null;
  ServerCostTime: number | null;
  ErrorCode: string | null;
  RequestLength: number | null;
  UserID: string | null;
  DeltaDataSize: number | null;
  SyncRequest: string | null;
  StorageClass: string | null;
  TargetStorageClass: string | null;
  TransmissionAccelerationAccessPoint: string | null;
  AccessKeyID: string | null;
  BucketARN: string | null;
  extra: string[];
}

/** The record's keys in line order (the two `Reserved` slots have none). */
export type RecordField = Exclude<keyof AccessLogRecord, "extra">;
