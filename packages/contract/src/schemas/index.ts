import { z } from "zod";
import { OBJECT_KEY_MAX_BYTES } from "../names/object-key.ts";
import { fromPathSegment } from "../names/path-segment.ts";
import { STYLE_CONTENT_MAX } from "../names/style-content.ts";

/**
 * One zod schema per request shape. They check structure (types, sizes); the OSS rules with positions
 * (name characters, content syntax) run after them in the BFF's `styles/assert-style.ts`, so their errors
 * can say where. The BFF validates with them (`zValidator`) and the SPA's `hc` client is typed by them.
 */

// Generous caps: the real limits are checked with positions later; these only stop absurd inputs early.
const name = z.string({ error: "`name` must be a string" }).max(1024, "`name` is far too long");
const content = z
  .string({ error: "`content` must be a string" })
  .max(STYLE_CONTENT_MAX, "`content` is too long (16 KiB max)");

export const categorySchema = z.enum(["image", "document", "video"], {
  error: '`category` must be "image", "document" or "video"',
});

export const createStyleBody = z.object({ name, content, category: categorySchema.optional() });

export const updateStyleBody = z.object({
  content,
  category: categorySchema.optional(),
  /** The `lastModifyTime` the editor loaded; a different current one means someone else saved meanwhile. */
  expectedLastModifyTime: z.iso
    .datetime({ offset: true, error: "`expectedLastModifyTime` must be an ISO time" })
    .optional(),
  /** Overwrite whatever is there without the check (audited as forced); one of the two is required. */
  force: z.literal(true, { error: "`force` may only be true" }).optional(),
});

export const validateBody = z.object({ content });

const expectedLastModifyTime = z.iso.datetime({
  offset: true,
  error: "`expectedLastModifyTime` must be an ISO time",
});

/**
 * `DELETE /api/buckets/:bucket/styles/:name?expectedLastModifyTime=…`: when sent, the delete happens only
 * if OSS still holds that version (409 `StyleChanged` otherwise), so a plan reviewed in a dialog deletes
 * exactly the versions it named. Absent: the style is deleted whatever its version (as before).
 */
export const deleteStyleQuery = z.object({ expectedLastModifyTime: expectedLastModifyTime.optional() });

/**
 * `POST /api/buckets/:bucket/styles/:name/rename`: a copy under `newName` and a delete of the old name,
 * both audited as `rename`. `expectedLastModifyTime` (required, 428 without) is the version being renamed.
 */
export const renameStyleBody = z.object({
  newName: z.string({ error: "`newName` must be a string" }).max(1024, "`newName` is far too long"),
  expectedLastModifyTime: expectedLastModifyTime.optional(),
});

/**
 * `GET /api/buckets/:bucket/thumbnails?content=…&sample=…`: a style's content rendered small on a
 * built-in sample (the bucket gives its watermark images).
 */
export const thumbnailQuery = z.object({
  content,
  /** A built-in sample's id; the console's default sample when absent. */
  sample: z.string().min(1).max(64).optional(),
});

// Path parameters arrive percent-decoded; a name is written with `pathSegment` so "." and ".." survive.
const segment = z.string().min(1).transform(fromPathSegment);

export const bucketParam = z.object({ bucket: segment });
export const styleParam = z.object({ bucket: segment, name: segment });

export const auditQuery = z.object({
  bucket: z.string().min(1).optional(),
  style: z.string().min(1).optional(),
  /** Page size, newest first. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.coerce.number().int().min(0).optional(),
});

// How many entries of an activity list to answer with (newest first).
const eventsLimit = z.coerce
  .number({ error: "`limit` must be a number" })
  .int("`limit` must be a whole number")
  .min(1, "`limit` must be at least 1")
  .max(200, "`limit` must be at most 200")
  .default(50);

/** `GET /api/buckets/:bucket/drafts/:id/events`: a draft's activity, newest first, `limit` entries at most. */
export const draftEventsQuery = z.object({ limit: eventsLimit });

/**
 * `GET /api/buckets/:bucket/settings/events`: the history of the bucket's "require review" switch,
 * newest first, `limit` entries at most.
 */
export const settingsEventsQuery = z.object({ limit: eventsLimit });

export const objectsQuery = z.object({
  prefix: z.string().max(OBJECT_KEY_MAX_BYTES).optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(4096).optional(),
  /** Keys OSS reads per page (1–1000, default 100); only images are returned, so a page may hold fewer. */
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const previewQuery = z.object({
  source: z.string({ error: "`source` is required (sample:<id> or object:<bucket>/<key>)" }).min(1).max(2048),
  /** The draft; empty or absent for the original image. */
  process: z.string().max(STYLE_CONTENT_MAX).default(""),
  /** The bucket a sample's `style/<name>` and watermark images come from (default: the first). */
  bucket: z.string().min(1).optional(),
});

export const sampleParam = z.object({ id: z.string().min(1).max(64) });

export {
  acceptLinkBody,
  changePasswordBody,
  checkLinkBody,
  createTokenBody,
  createUserBody,
  idParam,
  ownerQuery,
  patchUserBody,
  signInBody,
} from "./people.ts";
