import { categorySchema } from "@style-console/contract/schemas";
import { z } from "zod";

/**
 * Our own export format for a bucket's styles: one JSON document, versioned, its schema written once
 * here (zod) and published as JSON Schema at `GET /api/fleet/style-file.schema.json`
 * (docs/fleet/style-file.md). Import reads exactly this schema; a newer `version` is refused with a
 * message rather than half-understood.
 */

export const STYLE_FILE_FORMAT = "style-console/styles";
export const STYLE_FILE_VERSION = 1;

const styleEntry = z.object({
  name: z.string({ error: "`name` must be a string" }).min(1, "`name` must not be empty").max(1024),
  content: z
    .string({ error: "`content` must be a string" })
    .max(16_384, "`content` is too long (16 KiB max)"),
  category: categorySchema.default("image"),
});

export const styleFileSchema = z
  .object({
    format: z.literal(STYLE_FILE_FORMAT, {
      error: `\`format\` must be "${STYLE_FILE_FORMAT}" (a file exported by Style Console)`,
    }),
    version: z.literal(STYLE_FILE_VERSION, {
      error: `\`version\` must be ${STYLE_FILE_VERSION}; this console reads version ${STYLE_FILE_VERSION} files only`,
    }),
    exportedAt: z.iso.datetime({ offset: true }).optional(),
    bucket: z.string().min(1).max(63),
    region: z.string().min(1).max(64),
    styles: z.array(styleEntry).max(1000, "a file holds at most 1000 styles"),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.styles.forEach((style, i) => {
      if (seen.has(style.name))
        ctx.addIssue({
          code: "custom",
          path: ["styles", i, "name"],
          message: `style "${style.name}" appears twice`,
        });
      seen.add(style.name);
    });
  });

/** A parsed style file (`format`, `version`, `bucket`, `region`, `styles: [{ name, content, category }]`). */
export type StyleFile = z.infer<typeof styleFileSchema>;

/** One style as the fleet moves it between buckets and files. */
export interface PortableStyle {
  name: string;
  content: string;
  category: string;
}

/**
 * Builds a style file from a bucket's styles.
 *
 * @example
 * toStyleFile("photos", "cn-hangzhou", [{ name: "thumb", content: "image/resize,w_200", category: "image" }], new Date());
 */
export function toStyleFile(
  bucket: string,
  region: string,
  styles: readonly PortableStyle[],
  now: Date,
): StyleFile {
  return {
    format: STYLE_FILE_FORMAT,
    version: STYLE_FILE_VERSION,
    exportedAt: now.toISOString(),
    bucket,
    region,
    styles: styles.map((s) => ({
      name: s.name,
      content: s.content,
      category: (["image", "document", "video"].includes(s.category) ? s.category : "image") as
        | "image"
        | "document"
        | "video",
    })),
  };
}

/**
 * The JSON Schema of the style file, generated from the one zod schema.
 *
 * @example
 * styleFileJsonSchema().properties.version; // { const: 1, … }
 */
export function styleFileJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://style-console.dev/schemas/style-file-v1.json",
    title: "Style Console style file, version 1",
    ...z.toJSONSchema(styleFileSchema, { io: "input", unrepresentable: "any" }),
  };
}
