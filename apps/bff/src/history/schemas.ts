import { categorySchema } from "@style-console/contract/schemas";
import { z } from "zod";

const isoTime = (field: string) =>
  z.iso.datetime({ offset: true, error: `\`${field}\` must be an ISO time` });
const comment = z
  .string({ error: "`comment` must be a string" })
  .max(2000, "`comment` is too long (2000 max)");
const content = z
  .string({ error: "`content` must be a string" })
  .max(16_384, "`content` is too long (16 KiB max)");
const id = z.coerce.number({ error: "the id must be a number" }).int().positive();

export const versionParam = z.object({ bucket: z.string().min(1), name: z.string(), id });
export const draftParam = z.object({ bucket: z.string().min(1), id });

/** `POST …/versions/:id/restore`: `expectedLastModifyTime` while the style exists, none for a deleted one. */
export const restoreBody = z.object({
  expectedLastModifyTime: isoTime("expectedLastModifyTime").optional(),
  comment: comment.optional(),
});

export const createDraftBody = z.object({
  name: z.string({ error: "`name` must be a string" }).max(1024),
  content,
  category: categorySchema.optional(),
  /** The lastModifyTime of the version the draft starts from; null for a new style; omitted: OSS's now. */
  baseLastModifyTime: isoTime("baseLastModifyTime").nullable().optional(),
  note: comment.optional(),
});

export const updateDraftBody = z.object({
  content,
  category: categorySchema.optional(),
  note: comment.optional(),
});

export const draftsQuery = z.object({
  /** Only this person's drafts (an actor id). */
  author: z.string().min(1).optional(),
  status: z.enum(["draft", "in_review", "published", "rejected"]).optional(),
});

export const reviewBody = z.object({ note: comment.optional() }).optional();
export const publishBody = z.object({ comment: comment.optional() }).optional();
export const rejectBody = z.object({ comment: comment.min(1, "say why the draft is sent back") });
export const settingsBody = z.object({
  requireReview: z.boolean({ error: "`requireReview` must be a boolean" }),
});
