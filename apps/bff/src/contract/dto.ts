/**
 * The JSON the API answers with. The SPA gets these through `hc<AppType>`; they are exported as types
 * from the package entry (`@style-console/bff`) for places that need to name them.
 */

export interface StyleDto {
  name: string;
  content: string;
  /** `image`, `document` or `video` as OSS reports it (empty when OSS reports none). */
  category: string;
  /** ISO 8601. OSS keeps whole seconds. */
  createTime: string;
  lastModifyTime: string;
}

export interface BucketDto {
  name: string;
  region: string;
  endpoint: string;
  styleCount: number;
  styleLimit: number;
}

export interface SessionDto {
  /** First 12 hex characters of SHA-256 of the admin token: names who acted, never the token itself. */
  tokenId: string;
  via: "cookie" | "bearer";
  /** ISO time the cookie session ends; null for bearer requests, which carry the token every time. */
  expiresAt: string | null;
}

export type AuditAction = "create" | "update" | "delete";

export interface StyleVersion {
  content: string;
  category: string;
}

export interface AuditEntryDto {
  /** Increasing sequence number; also the paging cursor. */
  seq: number;
  time: string;
  tokenId: string;
  bucket: string;
  style: string;
  action: AuditAction;
  /** null on create. */
  before: StyleVersion | null;
  /** null on delete. */
  after: StyleVersion | null;
  /** OSS request id of the write. */
  requestId: string | null;
  /** What made the change: the editor (absent or `console`), a fleet copy/sync, or an import. */
  source?: "console" | "copy" | "import";
  /** `<job id>#<item index>` for a fleet write: resuming a job finds its own records by it. */
  job?: string;
}

export interface AuditPageDto {
  entries: AuditEntryDto[];
  /** Pass as `cursor` for the next (older) page; null when this is the last one. */
  nextCursor: number | null;
}
