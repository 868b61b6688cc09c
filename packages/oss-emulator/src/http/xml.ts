import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

/** XML both ways, through one configured builder and parser. */

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

/** A node: text, or ordered children (arrays repeat the element). */
export type XmlValue = string | number | XmlNode | XmlNode[];
export interface XmlNode {
  [name: string]: XmlValue;
}

/**
 * Serialises one root element with the XML declaration OSS puts on its bodies.
 *
 * @example
 * toXml("Style", { Name: "thumb", Content: "image/resize,w_100" });
 */
export function toXml(root: string, body: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: body })}`;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  // Turns on numeric character references (&#60; &#x4E2D;), which every XML parser, OSS's included,
  // decodes. It also knows HTML names (&nbsp;) that XML lacks; parseXml refuses those first.
  htmlEntities: true,
});

/**
 * True when `text` holds only characters XML 1.0 allows (§2.2: no C0 control but tab, LF and CR, no
 * lone surrogate, no U+FFFE/U+FFFF).
 *
 * @example
 * isXmlText("a\u0001b"); // false
 */
export function isXmlText(text: string): boolean {
  for (const c of text) if (!isXmlCodePoint(c.codePointAt(0) ?? 0)) return false;
  return true;
}

/**
 * XML 1.0 §2.2 Char: a code point a document may hold, literally or as a character reference.
 *
 * @example
 * isXmlCodePoint(0xd800); // false: a lone surrogate
 */
export function isXmlCodePoint(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Every `&#…;` reference must name an XML Char (§4.1 WFC "Legal Character"): `&#0;`, `&#xD800;` are not. */
function referencesAreLegal(markup: string): boolean {
  for (const m of markup.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const ref = m[1] ?? "";
    const code = ref.startsWith("x") ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10);
    if (!Number.isSafeInteger(code) || !isXmlCodePoint(code)) return false;
  }
  return true;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses the bytes of an XML request body: they must be UTF-8 (OSS's only encoding) and well-formed
 * XML 1.0; `undefined` otherwise (the caller answers 400 MalformedXML).
 *
 * @example
 * parseXmlBody(Buffer.from("<Style><Content>a</Content></Style>")); // { Style: { Content: "a" } }
 * parseXmlBody(Buffer.from([0x3c, 0xff, 0x3e])); // undefined: not UTF-8
 */
export function parseXmlBody(bytes: Uint8Array): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  return parseXml(text);
}

/**
 * Parses an XML request body; `undefined` when it is not well-formed.
 *
 * @example
 * parseXml("<Style><Content>a</Content></Style>"); // { Style: { Content: "a" } }
 */
export function parseXml(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith("<")) return undefined;
  // No client sends a DTD; refusing it keeps entity expansion and external entities out of the parser.
  if (/<!DOCTYPE|<!ENTITY/i.test(trimmed)) return undefined;
  // Without a DTD, XML defines these five names and numeric references only; anything else is malformed.
  // (CDATA sections and comments hold a bare "&" legally.)
  const markup = trimmed.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, "");
  if (/&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.test(markup)) return undefined;
  // A character XML forbids, written literally or as a reference, makes the document malformed;
  // fast-xml-parser would keep or drop it silently.
  if (!isXmlText(trimmed) || !referencesAreLegal(markup)) return undefined;
  try {
    // fast-xml-parser is lenient; its validator rejects unclosed or mismatched tags first.
    if (XMLValidator.validate(trimmed) !== true) return undefined;
    const parsed: unknown = parser.parse(trimmed);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
