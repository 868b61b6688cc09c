import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQueryString, wireQuery } from "../signer/index.ts";
import { OssError } from "./errors.ts";
import { errorFromResponse } from "./response-error.ts";
import { childList, childText, parseXmlDocument, styleBody } from "./xml.ts";

// Strings XML 1.0 can carry (the Char production), including astral characters.
const xmlChar = fc.oneof(
  fc.constantFrom("\t", "\n", "\r", "<", ">", "&", '"', "'", "]]>", "&amp;", "&#x41;"),
  fc.string({ unit: "grapheme", maxLength: 3 }),
);
const xmlString = fc
  .array(xmlChar, { maxLength: 20 })
  .map((parts) => parts.join("").replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ""));

// Hostile DTDs: an internal entity that expands far past fast-xml-parser's limit, and an external one.
const EXPANDING_ENTITY = `<?xml version="1.0"?><!DOCTYPE StyleList [<!ENTITY a "${"x".repeat(
  10_000,
)}">]><StyleList><Style><Name>${"&a;".repeat(2_000)}</Name></Style></StyleList>`;
const EXTERNAL_ENTITY = `<?xml version="1.0"?><!DOCTYPE StyleList [<!ENTITY e SYSTEM "file:///etc/passwd">]><StyleList><Style><Name>&e;</Name></Style></StyleList>`;

describe("properties", () => {
  it("any XML-legal style content survives build and parse unchanged", () => {
    fc.assert(
      fc.property(xmlString, (content) => {
        // Exact, CRs included: styleBody sends them as &#13;, which no parser normalises to LF.
        const doc = parseXmlDocument(styleBody(content), "Style", "putStyle");
        expect(childText(doc, "Content", "Style", "putStyle", true)).toBe(content);
      }),
      { numRuns: 300 },
    );
  });

  it("wire query round-trips through parseQueryString for any names and values", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            text.filter((s) => s !== ""),
            text,
          ),
          { maxLength: 6 },
        ),
        (pairs) => {
          expect(parseQueryString(wireQuery(pairs))).toEqual(pairs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("parsing any response body throws nothing but OssError", () => {
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        "<StyleList>",
        "<StyleList><Style>",
        "<Style><Name>a</Name>",
        "<?xml version='1.0'?>",
        "<!DOCTYPE html>",
        EXPANDING_ENTITY,
        EXTERNAL_ENTITY,
      ),
      xmlString.map((s) => `<StyleList><Style><Name>${s}</Name><Content>${s}</Content></Style></StyleList>`),
    );
    fc.assert(
      fc.property(body, fc.integer({ min: 200, max: 599 }), (text, status) => {
        try {
          const root = parseXmlDocument(text, "StyleList", "listStyles", status);
          for (const s of childList(root, "Style", "StyleList", "listStyles"))
            childText(s, "Name", "Style", "listStyles", true);
        } catch (e) {
          expect(e).toBeInstanceOf(OssError);
        }
        expect(errorFromResponse(new Response(null, { status }), text, "getStyle", [])).toBeInstanceOf(
          OssError,
        );
      }),
      { numRuns: 500 },
    );
  });
});
