import { split } from "../alibaba/split.ts";
import { getOperationSpec } from "../catalogue/index.ts";

/**
 * What a stretch of a style's text is, for an editor's colours:
 * - `kind`: the process kind before the first `/` (`image`, `style`, JD's `img`);
 * - `action`: a known action name (`resize`); `unknownAction` one the catalogue does not hold;
 * - `key`: a parameter name (`w` in `w_200`); `value`: its value, or a bare value (`90` in `rotate,90`);
 * - `separator`: `/`, `,` or the `_` between key and value.
 */
export type StyleTokenType = "kind" | "action" | "unknownAction" | "key" | "value" | "separator";

/** One token: `[from, to)` UTF-16 indices into the text given to {@link tokenizeStyle}. */
export interface StyleToken {
  type: StyleTokenType;
  from: number;
  to: number;
  /** For `action`, `key` and `value`: the action the token belongs to (`resize`). */
  operation?: string;
  /** For `key` and `value`: the parameter (`w`; `value` for a bare value). */
  parameter?: string;
}

/**
 * Cuts a style's text into tokens with the parser's own splitter (`/` between actions, `,` between
 * parameters, the first `_` between key and value), so the editor's colours follow the language's
 * structure exactly, broken input included. Lexical: it never fails and never validates.
 * @example
 * tokenizeStyle("image/rotate,90").map((t) => t.type);
 * // ["kind", "separator", "action", "separator", "value"]
 */
export function tokenizeStyle(text: string): StyleToken[] {
  const tokens: StyleToken[] = [];
  const push = (token: StyleToken) => {
    if (token.to > token.from) tokens.push(token);
  };
  for (const [p, part] of split(text, 0, text.length, "/").entries()) {
    if (p > 0) push({ type: "separator", from: part.start - 1, to: part.start });
    if (p === 0) {
      push({ type: "kind", from: part.start, to: part.end });
      continue;
    }
    let operation = "";
    let bare = false;
    for (const [f, field] of split(text, part.start, part.end, ",").entries()) {
      if (f > 0) push({ type: "separator", from: field.start - 1, to: field.start });
      if (f === 0) {
        operation = field.text;
        const spec = getOperationSpec(operation);
        bare = spec?.form === "bare";
        push({ type: spec ? "action" : "unknownAction", from: field.start, to: field.end, operation });
        continue;
      }
      const cut = field.text.indexOf("_");
      if (cut < 0 || bare) {
        push({ type: "value", from: field.start, to: field.end, operation, parameter: "value" });
        continue;
      }
      const parameter = field.text.slice(0, cut);
      push({ type: "key", from: field.start, to: field.start + cut, operation, parameter });
      push({ type: "separator", from: field.start + cut, to: field.start + cut + 1 });
      push({ type: "value", from: field.start + cut + 1, to: field.end, operation, parameter });
    }
  }
  return tokens;
}

/** The token at `offset` (a caret between two tokens belongs to the one before it), or null. */
export function tokenAt(tokens: readonly StyleToken[], offset: number): StyleToken | null {
  for (const token of tokens)
    if (offset >= token.from && offset <= token.to && token.type !== "separator") return token;
  return null;
}
