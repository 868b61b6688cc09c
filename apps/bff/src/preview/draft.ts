import type { PositionedIssue } from "@style-console/contract/names";
import {
  type Process,
  parseProcess,
  parseProcessQuery,
  type SyntaxIssue,
  serialize,
  splitWatermarkImage,
} from "@style-console/imgproc/syntax";
import type { BucketStyles } from "../buckets/bucket-styles.ts";
import { HttpError } from "../http/error.ts";

/** A draft ready to render: the parsed process and its canonical text (the ETag's half). */
export interface Draft {
  /** null: no processing, the original is served. */
  process: Process | null;
  canonical: string;
  /** Image watermarks, as the renderer will ask for them (their ETags join the preview's). */
  watermarkKeys: string[];
  /** JD names a watermark `bucket:object`; Alibaba names an object of the image's own bucket. */
  jd: boolean;
}

const positioned = ({ code, message, offset, length }: SyntaxIssue): PositionedIssue => ({
  code,
  message,
  offset,
  length,
});

function invalid(errors: SyntaxIssue[], what: string): HttpError {
  const first = errors[0];
  const where = first ? ` (at character ${first.offset + 1})` : "";
  return new HttpError("InvalidProcess", `${what} is not valid: ${first?.message ?? "unreadable"}${where}`, {
    details: { errors: errors.map(positioned) },
  });
}

function parseText(text: string, what: string): Process | null {
  if (text.startsWith("?")) {
    const result = parseProcessQuery(text);
    if (!result.ok) throw invalid(result.errors, what);
    return result.process;
  }
  const result = parseProcess(text);
  if (!result.ok) throw invalid(result.errors, what);
  return result.value;
}

function watermarkKeys(process: Process): string[] {
  if (process.kind === "img") return process.operations.flatMap((op) => (op.op === "jd-wmi" ? [op.key] : []));
  if (process.kind !== "image") return [];
  return process.operations.flatMap((op) =>
    op.op === "watermark" && op.image !== undefined ? [splitWatermarkImage(op.image).key] : [],
  );
}

function canonicalOf(process: Process | null): string {
  if (process === null) return "";
  const text = serialize(process);
  if (!text.ok) throw invalid(text.errors, "The style");
  return text.value;
}

/**
 * Parses a draft (`image/…`, `style/<name>`, JD `img/…`, or a whole `?x-oss-process=…` query; empty
 * for the original) into what the renderer and the cache need. A `style/<name>` (or JD
 * `imgalias/<name>`) reference is resolved here, with a GetStyle on the bucket, so the ETag follows the
 * style's current content: re-saving the style changes the preview's ETag. Syntax errors are a 400
 * `InvalidProcess` whose `details.errors` carry each problem's offset and length.
 * @example
 * await parseDraft("image/resize,w_200", styles); // { canonical: "image/resize,w_200", … }
 */
export async function parseDraft(text: string, styles: () => BucketStyles): Promise<Draft> {
  const trimmed = text.trim();
  if (trimmed === "") return { process: null, canonical: "", watermarkKeys: [], jd: false };
  let process = parseText(trimmed, "The style");
  if (process && (process.kind === "style" || process.kind === "imgalias")) {
    const { name } = process;
    const saved = await styles().get(name);
    if (!saved) throw new HttpError("NoSuchStyle", `The bucket has no style named "${name}".`);
    process = parseText(saved.content, `The saved style "${name}"`);
    if (process && (process.kind === "style" || process.kind === "imgalias"))
      throw new HttpError("InvalidProcess", `The saved style "${name}" refers to another style.`);
  }
  return {
    process,
    canonical: canonicalOf(process),
    watermarkKeys: process ? watermarkKeys(process) : [],
    jd: process?.kind === "img",
  };
}
