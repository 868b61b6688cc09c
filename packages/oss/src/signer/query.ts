import { SignerInputError } from "./errors.ts";
import type { QueryParams } from "./types.ts";

function decode(part: string, offset: number): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new SignerInputError("query", `invalid percent-encoding in "${part}" at character ${offset}`);
  }
}

/**
 * Splits a wire query (with or without the leading `?`) into raw `[name, value]` pairs, in order, for
 * {@link canonicalQuery}. Only `%XX` is decoded: `+` stays a plus sign, because the signer encodes a
 * space as `%20` and a plus as `%2B`. `style` and `style=` both give `["style", ""]`.
 * Throws {@link SignerInputError} on a malformed escape, naming its position.
 *
 * @example
 * parseQueryString("?style&styleName=a%20b"); // [["style", ""], ["styleName", "a b"]]
 */
export function parseQueryString(search: string): QueryParams {
  const text = search.startsWith("?") ? search.slice(1) : search;
  const pairs: [string, string][] = [];
  let offset = search.length - text.length;
  for (const item of text.split("&")) {
    if (item) {
      const eq = item.indexOf("=");
      const name = eq < 0 ? item : item.slice(0, eq);
      const value = eq < 0 ? "" : item.slice(eq + 1);
      pairs.push([decode(name, offset), decode(value, offset + name.length + 1)]);
    }
    offset += item.length + 1;
  }
  return pairs;
}
