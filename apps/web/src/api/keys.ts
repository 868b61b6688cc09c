/**
 * Hierarchical query keys: a bucket's styles live under the bucket, one style under its list, so a
 * mutation can invalidate exactly the list it changed (`exact: true`) without touching other buckets.
 */
export const keys = {
  session: () => ["session"] as const,
  health: () => ["health"] as const,
  /** One rendered preview, by its full URL (the draft, the source, the bucket). */
  preview: (url: string) => ["preview", url] as const,
  buckets: () => ["buckets"] as const,
  styles: (bucket: string) => ["buckets", bucket, "styles"] as const,
  style: (bucket: string, name: string) => ["buckets", bucket, "styles", name] as const,
};
