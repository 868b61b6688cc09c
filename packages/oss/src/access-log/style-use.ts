import { isStyleName } from "@style-console/contract/names";
/**
 * Which style, if any, a logged request applied (reference §3, §7.2; the JD Cloud seed for `imgalias`):
 *
 * - `?x-oss-process=style/<name>` (the slash may arrive as `%2F`);
 * - the bucket's custom delimiters: `/<key><delimiter><name>` with a delimiter of `-` `_` `/` `!`
 *   configured on the bucket (`StyleDelimiters`), equivalent to the query form; the name must be a style
 *   of the bucket, since keys may contain the same characters (§10.20);
 * - JD Cloud's `?imgalias/<name>` and `?x-oss-process=imgalias/<name>` (seed 004; case-sensitive: `Imgalias`
 *   is not a style request).
 *
 * Style names are 1–63 of `[A-Za-z0-9_.-]` (oss-api.md §2.2).
 */

/** How the style was asked for. */
export type StyleUseForm = "process" | "delimiter" | "imgalias";

export interface StyleUse {
  readonly name: string;
  readonly form: StyleUseForm;
}

function decode(text: string): string {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, "%2B"));
  } catch {
    return text;
  }
}

function styleFrom(value: string, keyword: "style/" | "imgalias/"): string | undefined {
  if (!value.startsWith(keyword)) return undefined;
  const name = value.slice(keyword.length).split("/")[0] ?? "";
  return isStyleName(name) ? name : undefined;
}

/** The target of a `RequestURL` (`"GET /a.jpg?x HTTP/1.1"` → `/a.jpg?x`), or the input if it has no spaces. */
export function requestTarget(requestUrl: string): string {
  const first = requestUrl.indexOf(" ");
  if (first === -1) return requestUrl;
  const last = requestUrl.lastIndexOf(" ");
  return last > first ? requestUrl.slice(first + 1, last) : requestUrl.slice(first + 1);
}

/**
 * The style a request applied, or `undefined`.
 *
 * @param requestUrl the log's RequestURL (`GET /photo.jpg!small HTTP/1.1`) or just its target
 * @param delimiters the bucket's `StyleDelimiters` (may be empty)
 * @param isStyle whether a name is a style of the bucket; needed for the delimiter form only
 * @example
 * styleUseOf("GET /cat.jpg?x-oss-process=style%2Fsmall HTTP/1.1", []); // { name: "small", form: "process" }
 * styleUseOf("GET /cat.jpg!small HTTP/1.1", ["!"], (n) => n === "small"); // { name: "small", form: "delimiter" }
 */
export function styleUseOf(
  requestUrl: string,
  delimiters: readonly string[],
  isStyle: (name: string) => boolean = () => false,
): StyleUse | undefined {
  const target = requestTarget(requestUrl);
  const q = target.indexOf("?");
  const path = q === -1 ? target : target.slice(0, q);
  // Most lines apply no style: look for the two keywords before splitting anything.
  if (q !== -1 && (target.includes("x-oss-process", q) || target.includes("imgalias", q))) {
    for (const param of target.slice(q + 1).split("&")) {
      const eq = param.indexOf("=");
      const key = decode(eq === -1 ? param : param.slice(0, eq));
      if (key === "x-oss-process" && eq !== -1) {
        const value = decode(param.slice(eq + 1));
        const name = styleFrom(value, "style/") ?? styleFrom(value, "imgalias/");
        if (name) return { name, form: value.startsWith("style/") ? "process" : "imgalias" };
        return undefined;
      }
      if (eq === -1 && key.startsWith("imgalias/")) {
        const name = styleFrom(key, "imgalias/");
        if (name) return { name, form: "imgalias" };
      }
    }
  }
  if (delimiters.length === 0) return undefined;
  const decodedPath = decode(path);
  // Keys and style names may hold a delimiter too (`photos/a-b.jpg-small`, a style `thumb-x` with `-`
  // active): from the right, the first split whose right side is a style of the bucket wins; the key
  // is at least one character (index 0 is the path's `/`).
  for (let at = decodedPath.length - 2; at >= 2; at--) {
    if (!delimiters.includes(decodedPath[at] as string)) continue;
    const name = decodedPath.slice(at + 1);
    if (isStyleName(name) && isStyle(name)) return { name, form: "delimiter" };
  }
  return undefined;
}
