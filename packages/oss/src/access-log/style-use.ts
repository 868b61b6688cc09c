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

// The same few names recur on every line: the contract's check runs once per distinct name (bounded).
const validNames = new Map<string, boolean>();
function validName(name: string): boolean {
  let valid = validNames.get(name);
  if (valid === undefined) {
    valid = isStyleName(name);
    if (validNames.size >= 4096) validNames.clear();
    validNames.set(name, valid);
  }
  return valid;
}

function styleFrom(value: string, keyword: "style/" | "imgalias/"): string | undefined {
  if (!value.startsWith(keyword)) return undefined;
  const end = value.indexOf("/", keyword.length);
  const name = end === -1 ? value.slice(keyword.length) : value.slice(keyword.length, end);
  return validName(name) ? name : undefined;
}

const PROCESS_PARAM = "x-oss-process=";

/**
 * The common case without splitting the query: the first `x-oss-process=` parameter, when no earlier
 * parameter could be a match (no `%`-encoded key, no JD `imgalias`); `null` when that cannot be told.
 */
function processParamFast(target: string, q: number): StyleUse | undefined | null {
  const at = target.indexOf(PROCESS_PARAM, q + 1);
  if (at === -1) return null;
  const before = target.charCodeAt(at - 1);
  if (before !== 63 /* ? */ && before !== 38 /* & */) return null;
  const pct = target.indexOf("%", q);
  const alias = target.indexOf("imgalias", q);
  if ((pct !== -1 && pct < at) || (alias !== -1 && alias < at)) return null;
  const end = target.indexOf("&", at);
  const value = decode(target.slice(at + PROCESS_PARAM.length, end === -1 ? target.length : end));
  const style = styleFrom(value, "style/");
  if (style) return { name: style, form: "process" };
  const alias2 = styleFrom(value, "imgalias/");
  return alias2 ? { name: alias2, form: "imgalias" } : undefined;
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
    const fast = processParamFast(target, q);
    if (fast !== null) return fast;
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
    if (isStyle(name) && validName(name)) return { name, form: "delimiter" };
  }
  return undefined;
}
