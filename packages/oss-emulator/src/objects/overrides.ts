import { queryValue } from "../http/address.ts";
import type { RequestContext } from "../http/context.ts";
import { ossError } from "../http/errors.ts";

/**
 * The `response-*` query parameters of GetObject (OSS GetObject page): each sets one header of a
 * successful answer. OSS sends a value as given, UTF-8 bytes included (`attachment;
 * filename="图标.jpg"`).
 */

const names: ReadonlyArray<readonly [string, string]> = [
  ["response-content-type", "Content-Type"],
  ["response-content-language", "Content-Language"],
  ["response-expires", "Expires"],
  ["response-cache-control", "Cache-Control"],
  ["response-content-disposition", "Content-Disposition"],
  ["response-content-encoding", "Content-Encoding"],
];

// CR, LF and the other controls (tab aside) would split or corrupt the header block.
const hasControl = (text: string): boolean =>
  Array.from(text).some((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && code !== 0x09) || code === 0x7f;
  });

/**
 * What to hand Node for a header whose value may hold any Unicode text, so that its UTF-8 bytes go on
 * the wire: the UTF-8 bytes spelled as a Latin-1 string (Node writes header strings as Latin-1).
 * Caveat: Node re-reads a `Content-Disposition` that comes AFTER `Content-Length` in the header
 * order (nodejs/node#46528) and would mangle it, so callers put these headers before Content-Length.
 *
 * @example
 * res.writeHead(200, { "Content-Disposition": headerValue('attachment; filename="图标.jpg"'), "Content-Length": 1 });
 */
export function headerValue(value: string): string {
  return Buffer.from(value, "utf8").toString("latin1");
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The text of a request header's bytes (Node hands them over as Latin-1): UTF-8 when they are, else
 * the Latin-1 reading.
 *
 * @example
 * headerText("attachment; filename=\"å\u009b¾.jpg\""); // 'attachment; filename="图.jpg"'
 */
export function headerText(raw: string): string {
  try {
    return utf8.decode(Buffer.from(raw, "latin1"));
  } catch {
    return raw;
  }
}

/**
 * The headers the request's `response-*` parameters ask for; 400 InvalidArgument for a value with a
 * control character.
 *
 * @example
 * responseOverrides(ctx); // { "Content-Disposition": "attachment; filename=…" }
 */
export function responseOverrides(ctx: RequestContext): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [param, header] of names) {
    const value = queryValue(ctx.query, param);
    if (value === undefined) continue;
    if (hasControl(value)) {
      throw ossError("InvalidArgument", {
        message: `${param} must not contain control characters.`,
        fields: { ArgumentName: param },
      });
    }
    headers[header] = headerValue(value);
  }
  return headers;
}
