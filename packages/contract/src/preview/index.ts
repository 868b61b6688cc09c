/**
 * The headers `GET /api/preview` answers with besides the image: its facts, the cache's verdict and the
 * draft's warnings. The BFF writes them and the SPA reads them by these names.
 */
export const PREVIEW_HEADERS = {
  width: "X-Image-Width",
  height: "X-Image-Height",
  format: "X-Image-Format",
  frames: "X-Image-Frames",
  /** `hit`, `miss` or `revalidated`. */
  cache: "X-Preview-Cache",
  /** Each warning percent-encoded, joined with commas; absent when there is nothing to say. */
  warnings: "X-Preview-Warnings",
} as const;

/**
 * The header every mutating request from the SPA carries (with {@link CSRF_HEADER_VALUE}); a cross-site
 * form cannot set it.
 */
export const CSRF_HEADER = "X-Requested-With";
export const CSRF_HEADER_VALUE = "style-console";

/**
 * Percent-encodes each warning and joins them for {@link PREVIEW_HEADERS}.warnings (header values are
 * Latin-1 at best, and a comma inside a warning must not split it).
 * @example
 * encodeWarnings(["a, b", "c"]); // "a%2C%20b,c"
 */
export function encodeWarnings(warnings: readonly string[]): string {
  return warnings.map((w) => encodeURIComponent(w)).join(",");
}

/**
 * The warnings of a {@link PREVIEW_HEADERS}.warnings value; an undecodable part is kept as sent.
 * @example
 * decodeWarnings("a%2C%20b,c"); // ["a, b", "c"]
 */
export function decodeWarnings(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .filter((part) => part !== "")
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}
