/** Where a preview's pixels come from: a sample (built-in or uploaded) or an object of a bucket. */
export type PreviewSource = { kind: "sample"; id: string } | { kind: "object"; bucket: string; key: string };

/** The `source` parameter of `/api/preview`. */
export function sourceParam(source: PreviewSource): string {
  return source.kind === "sample" ? `sample:${source.id}` : `object:${source.bucket}/${source.key}`;
}

/** The URL of a preview: the draft `process` on `source`; `bucket` resolves `style/…` and watermarks. */
export function previewUrl(source: PreviewSource, process: string, bucket: string): string {
  const params = new URLSearchParams({ source: sourceParam(source), process, bucket });
  return `/api/preview?${params}`;
}

const SOURCE_KEY = "style-console.preview-source";

/** The last source the operator picked survives reloads (and the next style they open). */
export function rememberedSource(): PreviewSource | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(SOURCE_KEY) ?? "null");
    if (typeof value !== "object" || value === null) return null;
    const v = value as Record<string, unknown>;
    if (v.kind === "sample" && typeof v.id === "string") return { kind: "sample", id: v.id };
    if (v.kind === "object" && typeof v.bucket === "string" && typeof v.key === "string")
      return { kind: "object", bucket: v.bucket, key: v.key };
  } catch {
    // Storage off or garbage in it: start from the default sample.
  }
  return null;
}

export function rememberSource(source: PreviewSource): void {
  try {
    localStorage.setItem(SOURCE_KEY, JSON.stringify(source));
  } catch {
    // Private mode: not remembering is fine.
  }
}
