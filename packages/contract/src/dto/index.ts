import type { PositionedIssue } from "../names/index.ts";
import type { Via } from "../people/index.ts";

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

/** One object of a bucket listing, as the console shows it. */
export interface ObjectDto {
  key: string;
  size: number;
  lastModified: string | null;
  etag: string | null;
}

/** `GET /api/buckets/:bucket/objects`: one page of images. */
export interface ObjectPage {
  objects: ObjectDto[];
  /** Pass back as `cursor` to get the next page; null on the last one. */
  nextCursor: string | null;
}

/** What the console tells about an image: its format in the renderer's spelling, pixels, frames, bytes. */
export interface ImageFacts {
  format: string;
  width: number;
  height: number;
  frames: number;
  bytes: number;
}

/** One preview source the console lists: a built-in sample or an upload. */
export interface SampleDto extends ImageFacts {
  /** `sample:<id>` in a preview's `source`. Built-ins have a name-like id, uploads their SHA-256. */
  id: string;
  name: string;
  kind: "builtin" | "upload";
}

/** `GET /api/preview/parity`: our rendering next to the backend's. */
export interface ParityDto {
  local: ImageFacts;
  /** What the backend rendered; null when it refused (see `remoteError`). */
  remote: ImageFacts | null;
  remoteError: { status: number; code: string; message: string; requestId?: string } | null;
  /** 0–1; see `method`. null when there is nothing to compare. */
  similarity: number | null;
  method: string;
}

/** `POST /api/validate` and the style routes' content check. */
export interface ContentCheck {
  ok: boolean;
  /** The parsed operations, in order, when the content is valid; empty otherwise (the syntax's AST). */
  operations: unknown[];
  errors: PositionedIssue[];
  /** Things OSS is believed to ignore (unknown parameters…); they never make `ok` false. */
  warnings: PositionedIssue[];
}

/** What was done to a draft (issue 11), one `draft_events` row each. */
export type DraftEventAction =
  | "draft.create"
  | "draft.update"
  | "draft.request-review"
  | "draft.send-back"
  | "draft.publish"
  | "draft.delete";

/**
 * One entry of a draft's activity (`GET /api/buckets/:bucket/drafts/:id/events`, newest first): who did
 * what, and when. Only what the activity list shows; the whole draft before and after stays in the
 * audit table.
 */
export interface DraftEventDto {
  /** Larger is newer. */
  id: number;
  /** ISO 8601: when it was done. */
  time: string;
  draftId: number;
  action: DraftEventAction;
  /** Who did it, with their name at the time; null fields for rows that lack them. */
  actor: { id: string | null; name: string | null; via: Via | null };
  /** The draft's status after the action; null after a delete. */
  status: "draft" | "in_review" | "published" | "rejected" | null;
  /** What the reviewer wrote: the reason of a send-back, the comment of a publish; null otherwise. */
  comment: string | null;
}

/** A switch of a bucket's "require review" setting (issue 11), one `bucket_events` row each. */
export type SettingsEventAction = "review.enable" | "review.disable";

/**
 * One switch of a bucket's "require review" (`GET /api/buckets/:bucket/settings/events`, newest first):
 * who turned it on or off, and when.
 */
export interface SettingsEventDto {
  /** Larger is newer. */
  id: number;
  /** ISO 8601: when it was switched. */
  time: string;
  action: SettingsEventAction;
  /** Who switched it, with their name at the time; null fields for rows that lack them. */
  actor: { id: string | null; name: string | null; via: Via | null };
  /** The setting before and after the switch. */
  requireReview: { before: boolean; after: boolean };
}
