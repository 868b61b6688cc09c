/**
 * What a paste into the content field really meant. People paste what they have at hand: a whole
 * image URL with `?x-oss-process=image/…`, a `style/name` reference, a JD Cloud URL with `?img/…`, or
 * the chain with a stray space or line break around it.
 */
export type PasteReading =
  /** Text to insert as it is (already trimmed of surrounding whitespace and line breaks). */
  | { kind: "text"; text: string }
  /** An OSS URL: its `x-oss-process` chain, and the URL it came from. */
  | { kind: "ossUrl"; text: string; url: string }
  /** A URL whose processing names a saved style (`style/<name>`): nothing to edit, only a name. */
  | { kind: "styleRef"; name: string; url: string }
  /** A JD Cloud URL: its `img/…` processing, for the JD converter. */
  | { kind: "jdUrl"; text: string; url: string };

/** Line breaks and surrounding whitespace never belong to a style (a style is one line, no spaces). */
export function normalizeContent(text: string): string {
  return text.replace(/[\r\n]+/g, "").trim();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, "%20"));
  } catch {
    return text;
  }
}

/**
 * Reads pasted text. URLs are recognised by their query: OSS's `x-oss-process=` (also with
 * `?x-oss-process=` alone), or JD's `?img/…` / `?imgalias/…`.
 * @example
 * readPaste("https://b.oss-cn-hangzhou.aliyuncs.com/a.jpg?x-oss-process=image/resize,w_200");
 * // { kind: "ossUrl", text: "image/resize,w_200", url: "https://…" }
 */
export function readPaste(raw: string): PasteReading {
  const text = normalizeContent(raw);
  const process = /[?&]x-oss-process=([^&#\s]*)/.exec(text);
  if (process) {
    const value = safeDecode(process[1] ?? "");
    const style = /^style\/(.+)$/.exec(value);
    if (style) return { kind: "styleRef", name: style[1] ?? "", url: text };
    return { kind: "ossUrl", text: value, url: text };
  }
  const jd = /^(?:https?:\/\/|\/)[^?\s]*\?((?:img|imgalias|imginfo|imgexif)(?:\/[^#\s]*)?)$/.exec(text);
  if (jd) return { kind: "jdUrl", text: safeDecode(jd[1] ?? ""), url: text };
  return { kind: "text", text };
}
