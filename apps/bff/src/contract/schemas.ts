import { z } from "zod";

/**
 * One zod schema per request shape. They check structure (types, sizes); the OSS rules with positions
 * (name characters, content syntax) run after them in `assert-style.ts`, so their errors can say where.
 */

// Generous caps: the real limits are checked with positions later; these only stop absurd inputs early.
const name = z.string({ error: "`name` must be a string" }).max(1024, "`name` is far too long");
const content = z
  .string({ error: "`content` must be a string" })
  .max(16_384, "`content` is too long (16 KiB max)");

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

export const bucketParam = z.object({ bucket: z.string().min(1) });
export const styleParam = z.object({ bucket: z.string().min(1), name: z.string() });

export const auditQuery = z.object({
  bucket: z.string().min(1).optional(),
  style: z.string().min(1).optional(),
  /** Page size, newest first. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.coerce.number().int().min(0).optional(),
});
