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

export type AuditAction = "create" | "update" | "delete" | "restore" | "copy" | "import" | "rename";

export interface StyleVersion {
  content: string;
  category: string;
  /** OSS's LastModifyTime of this version (ISO); null when not known (entries imported from the old log). */
  lastModifyTime?: string | null;
}

/** Who made a change: null for changes found in OSS that no console made. */
export interface AuditActorDto {
  id: string;
  name: string;
  via: "session" | "api-token" | "bootstrap-token" | "oidc" | null;
}

export interface AuditEntryDto {
  /** Increasing sequence number; also the paging cursor. */
  seq: number;
  time: string;
  /** The actor's id (the admin token's `tokenId` for token sign-ins); kept for older clients. */
  tokenId: string;
  actor?: AuditActorDto | null;
  bucket: string;
  style: string;
  action: AuditAction;
  source?: "console" | "external" | "copy" | "import";
  /** `committed` or `reconciled` (written, seen after a restart) unless asked for others. */
  status?: "pending" | "committed" | "failed" | "reconciled";
  /** An update made with `force: true`, without the conflict check. */
  forced?: boolean;
  comment?: string | null;
  /** null on create. */
  before: StyleVersion | null;
  /** null on delete. */
  after: StyleVersion | null;
  /** OSS request id of the write. */
  requestId: string | null;
}

export interface AuditPageDto {
  entries: AuditEntryDto[];
  /** Pass as `cursor` for the next (older) page; null when this is the last one. */
  nextCursor: number | null;
}
