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
  try {
    // fast-xml-parser is lenient; its validator rejects unclosed or mismatched tags first.
    if (XMLValidator.validate(trimmed) !== true) return undefined;
    const parsed: unknown = parser.parse(trimmed);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
