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
  htmlEntities: false,
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
  try {
    // fast-xml-parser is lenient; its validator rejects unclosed or mismatched tags first.
    if (XMLValidator.validate(trimmed) !== true) return undefined;
    const parsed: unknown = parser.parse(trimmed);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
