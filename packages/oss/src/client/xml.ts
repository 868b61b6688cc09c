import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { OssError } from "./errors.ts";

// Values stay strings (a style named "0123" must not become 123); whitespace is kept so that content
// round-trips exactly; htmlEntities also decodes numeric character references (&#x4E2D;).
const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (_name, jpath) => ARRAY_PATHS.has(String(jpath)),
});
const ARRAY_PATHS = new Set([
  "StyleList.Style",
  "ListBucketResult.Contents",
  "ListBucketResult.CommonPrefixes",
]);
const builder = new XMLBuilder({ processEntities: true, suppressEmptyNode: false });

export type XmlNode = Readonly<Record<string, unknown>>;

function badXml(operation: string, message: string, status?: number): OssError {
  return new OssError({ kind: "bad-response", code: "MalformedResponse", message, operation, status });
}

/**
 * Parses a response document and checks its root element; anything else is a `bad-response` OssError
 * naming the line and column, never an exception from the parser.
 *
 * @example
 * parseXmlDocument("<StyleList/>", "StyleList", "listStyles"); // {} (the root's children)
 */
export function parseXmlDocument(text: string, root: string, operation: string, status?: number): XmlNode {
  const trimmed = text.trim();
  if (/^<!doctype html|^<html[\s>]/i.test(trimmed))
    throw badXml(operation, `expected <${root}> XML, got an HTML page`, status);
  // OSS never sends a DTD; refusing one up front keeps entity expansion (billion laughs) and external
  // entities away from the parser, whose own errors would otherwise escape as plain Errors.
  if (/<!DOCTYPE|<!ENTITY/i.test(trimmed))
    throw badXml(operation, "malformed XML: a DOCTYPE or ENTITY declaration, which OSS never sends", status);
  // XML 1.0 §2.2/§4.1: a character outside Char, literal or as a reference (&#0;, &#xD800;), makes
  // the document malformed; the parser would drop or replace it and a key or a style would be misread.
  const literal = NOT_XML_CHAR.exec(trimmed);
  const reference = [...trimmed.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)].find((m) => {
    const ref = m[1] ?? "";
    const code = ref.startsWith("x") ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10);
    return !(code <= 0x10ffff && NOT_XML_CHAR.exec(String.fromCodePoint(code)) === null);
  });
  if (literal || reference) {
    const what = literal
      ? `U+${literal[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}`
      : (reference?.[0] ?? "");
    throw badXml(operation, `malformed XML: ${what} is not a character XML 1.0 allows`, status);
  }
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) {
    throw badXml(
      operation,
      `malformed XML at line ${valid.err.line}, column ${valid.err.col ?? 1}: ${valid.err.msg}`,
      status,
    );
  }
  // The validator lets text after a self-closing root through; a document always ends with ">".
  if (!trimmed.endsWith(">"))
    throw badXml(operation, "malformed XML: text after the root element, or a cut-off document", status);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(trimmed) as Record<string, unknown>;
  } catch (error) {
    // The validator and the parser disagree on a few inputs; the parser's verdict is still bad XML.
    const why = error instanceof Error ? error.message : String(error);
    throw badXml(operation, `malformed XML: ${why}`, status);
  }
  const roots = Object.keys(doc).filter((k) => !k.startsWith("#") && !k.startsWith("?"));
  if (roots.length !== 1 || roots[0] !== root) {
    throw badXml(operation, `expected a <${root}> document, got <${roots.join("><") || "nothing"}>`, status);
  }
  const node = doc[root];
  if (typeof node === "string") {
    if (node.trim() !== "")
      throw badXml(operation, `<${root}> holds text where elements were expected`, status);
    return {};
  }
  if (typeof node !== "object" || node === null || Array.isArray(node))
    throw badXml(operation, `<${root}> is malformed`, status);
  return node as XmlNode;
}

/**
 * Reads one text child. `required` children that are missing, repeated or hold elements are a
 * `bad-response` error naming the path.
 *
 * @example
 * childText({ Name: "small" }, "Name", "Style", "getStyle", true); // "small"
 */
export function childText(
  node: XmlNode,
  name: string,
  path: string,
  operation: string,
  required: true,
): string;
export function childText(
  node: XmlNode,
  name: string,
  path: string,
  operation: string,
  required?: false,
): string | undefined;
export function childText(
  node: XmlNode,
  name: string,
  path: string,
  operation: string,
  required = false,
): string | undefined {
  const value = node[name];
  if (value === undefined) {
    if (required) throw badXml(operation, `<${path}> has no <${name}>`);
    return undefined;
  }
  if (value === "" || typeof value === "string") return value;
  throw badXml(operation, `<${path}><${name}> must be a single text element`);
}

/**
 * The repeated children parsed as arrays (`Style`, `Contents`, `CommonPrefixes`); zero or one element
 * still gives an array.
 *
 * @example
 * childList({}, "Style", "StyleList", "listStyles"); // []
 */
export function childList(node: XmlNode, name: string, path: string, operation: string): XmlNode[] {
  const value = node[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badXml(operation, `<${path}><${name}> is malformed`);
  return value.map((item, i) => {
    if (item === "") return {};
    if (typeof item !== "object" || item === null)
      throw badXml(operation, `<${path}><${name}>[${i}] holds text where elements were expected`);
    return item as XmlNode;
  });
}

// XML 1.0 Char production; anything else cannot be sent at all, not even escaped.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * The PutStyle body, `<Style><Content>…</Content></Style>`, escaped by fast-xml-parser, CR as `&#13;`. A character
 * XML cannot carry is an `invalid-argument` error naming its index.
 *
 * @example
 * styleBody("image/resize,w_200"); // "<Style><Content>image/resize,w_200</Content></Style>"
 */
export function styleBody(content: string): string {
  const bad = NOT_XML_CHAR.exec(content);
  if (bad) {
    const code = bad[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0");
    throw new OssError({
      kind: "invalid-argument",
      code: "InvalidArgument",
      message: `style content has U+${code} at index ${bad.index}, which XML cannot carry`,
      operation: "putStyle",
    });
  }
  // A raw CR would reach OSS as LF (XML parsers normalise line ends); a reference survives. The builder
  // writes no whitespace of its own, so every CR here comes from the content.
  return (builder.build({ Style: { Content: content } }) as string).replace(/\r/g, "&#13;");
}
