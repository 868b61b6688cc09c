import type { IncomingMessage } from "node:http";
import { parseRfc1123 } from "../http/time.ts";
import type { ObjectMeta } from "../storage/objects.ts";

/**
 * The conditional headers of GetObject and HeadObject (OSS GetObject page, "request headers"), in the
 * order RFC 7232 §6 evaluates them: If-Match, else If-Unmodified-Since; then If-None-Match, else
 * If-Modified-Since. A date that is not RFC 1123 is ignored, as OSS documents for If-Modified-Since.
 */

export type Outcome =
  | { readonly status: 304 }
  | { readonly status: 412; readonly condition: "If-Match" | "If-Unmodified-Since" }
  | undefined;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** The entity tags of an `If-Match`/`If-None-Match` list; `*` stays `*`. Unquoted tags are accepted. */
function tags(list: string): Array<{ weak: boolean; tag: string }> {
  return list
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((t) => {
      const weak = t.startsWith("W/");
      const bare = weak ? t.slice(2) : t;
      const tag = bare.length >= 2 && bare.startsWith('"') && bare.endsWith('"') ? bare.slice(1, -1) : bare;
      return { weak, tag };
    });
}

function matches(list: string, etag: string, weakComparison: boolean): boolean {
  return tags(list).some(
    (t) => t.tag === "*" || (t.tag.toUpperCase() === etag && (weakComparison || !t.weak)),
  );
}

/**
 * What the preconditions decide for `meta`: `undefined` to serve, 304 or 412 otherwise.
 *
 * @example
 * evaluateConditions(req, meta); // { status: 412, condition: "If-Match" } for If-Match: "nope"
 */
export function evaluateConditions(req: IncomingMessage, meta: ObjectMeta): Outcome {
  // HTTP dates have one-second precision; compare the object's time at that precision.
  const modified = Math.floor(meta.lastModified / 1000) * 1000;
  const ifMatch = header(req, "if-match");
  if (ifMatch !== undefined) {
    if (!matches(ifMatch, meta.etag, false)) return { status: 412, condition: "If-Match" };
  } else {
    const since = parseRfc1123(header(req, "if-unmodified-since") ?? "");
    if (since && modified > since.getTime()) return { status: 412, condition: "If-Unmodified-Since" };
  }
  const ifNoneMatch = header(req, "if-none-match");
  if (ifNoneMatch !== undefined) {
    if (matches(ifNoneMatch, meta.etag, true)) return { status: 304 };
  } else {
    const since = parseRfc1123(header(req, "if-modified-since") ?? "");
    if (since && modified <= since.getTime()) return { status: 304 };
  }
  return undefined;
}
