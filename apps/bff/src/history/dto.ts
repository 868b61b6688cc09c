import type { AuditAction, AuditSource } from "../audit/tables.ts";
import type { DraftStatus } from "./tables.ts";

/** Who made a version or a draft: `{ id, username }`; null for a change found in OSS (`external`). */
export interface ActorDto {
  id: string;
  username: string;
}

/**
 * One version of a style (`GET /api/buckets/:bucket/styles/:name/versions`, newest first): a committed
 * change through the console, or a change found in OSS (`source: "external"`, `actor: null`). A
 * `delete` version carries the content that was deleted, so restoring it recreates the style.
 */
export interface VersionDto {
  /** The audit event's id; larger is newer. */
  id: number;
  content: string;
  category: string;
  action: AuditAction;
  source: AuditSource;
  actor: ActorDto | null;
  /** ISO 8601: when the change was recorded. */
  at: string;
  comment: string | null;
  /** OSS's LastModifyTime after the change (ISO); null for a delete. */
  lastModifyTime: string | null;
  /** A `delete`: the style did not exist after this version. */
  deleted: boolean;
}

/** A style deleted from a bucket and not recreated since (`GET /api/buckets/:bucket/deleted`). */
export interface DeletedStyleDto {
  name: string;
  /** The `delete` version: restoring it recreates the style. */
  versionId: number;
  content: string;
  category: string;
  deletedAt: string;
  actor: ActorDto | null;
  source: AuditSource;
}

/** A server-side draft of a new or existing style (`/api/buckets/:bucket/drafts`). */
export interface DraftDto {
  id: number;
  bucket: string;
  name: string;
  content: string;
  category: string | null;
  status: DraftStatus;
  /** The content of the version the draft started from; null for a new style. */
  baseContent: string | null;
  /** LastModifyTime of that version (ISO); null for a new style. Publishing requires OSS to still hold it. */
  baseLastModifyTime: string | null;
  author: ActorDto;
  note: string | null;
  reviewer: ActorDto | null;
  reviewComment: string | null;
  publishedVersionId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Per-bucket policy (`/api/buckets/:bucket/settings`). */
export interface BucketSettingsDto {
  bucket: string;
  /** Every change goes through a reviewed draft, and nobody approves their own. */
  requireReview: boolean;
}
