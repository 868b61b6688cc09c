import { describe, expect, it } from "vitest";
import { OssError } from "./errors.ts";
import { childList, childText, parseXmlDocument, styleBody } from "./xml.ts";

const list = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<StyleList>${inner}</StyleList>`;
const style = (name: string, content: string) =>
  `<Style><Name>${name}</Name><Content>${content}</Content></Style>`;

describe("styleBody round-trips content exactly", () => {
  const contents = [
    "image/resize,w_200/quality,q_90",
    `a<b&c"d'e>f`,
    "水印/中文 é 😀",
    "  leading and trailing  ",
    "]]> and &amp; literally",
    "0123",
    "cr\r, crlf\r\n and lf\n",
  ];
  it.each(contents)("%s", (content) => {
    const doc = parseXmlDocument(styleBody(content), "Style", "putStyle");
    expect(childText(doc, "Content", "Style", "putStyle", true)).toBe(content);
  });

  it("sends a CR as a character reference, since a raw one would reach OSS as LF", () => {
    expect(styleBody("a\rb\r\nc")).toBe("<Style><Content>a&#13;b&#13;\nc</Content></Style>");
  });

  it("refuses characters XML cannot carry, naming the index", () => {
    expect(() => styleBody("ab\u0001")).toThrow(/U\+0001 at index 2/);
    expect(() => styleBody("\uFFFE")).toThrow(OssError);
  });
});

describe("StyleList parses into arrays", () => {
  const cases: [name: string, xml: string, names: string[]][] = [
    ["zero (empty element)", list(""), []],
    ["zero (self-closing)", "<StyleList/>", []],
    ["zero (whitespace)", list("\n  \n"), []],
    ["one", list(style("a", "x")), ["a"]],
    ["two, pretty-printed", list(`\n  ${style("a", "x")}\n  ${style("b", "y")}\n`), ["a", "b"]],
  ];
  it.each(cases)("%s", (_name, xml, names) => {
    const root = parseXmlDocument(xml, "StyleList", "listStyles");
    const styles = childList(root, "Style", "StyleList", "listStyles");
    expect(styles.map((s) => childText(s, "Name", "Style", "listStyles", true))).toEqual(names);
  });

  it("decodes entities, numeric references and CDATA, and keeps numeric-looking names as strings", () => {
    const root = parseXmlDocument(
      list(style("007", "&lt;&#x4E2D;&#20013;<![CDATA[&amp;]]>")),
      "StyleList",
      "listStyles",
    );
    const [s] = childList(root, "Style", "StyleList", "listStyles");
    expect(s && childText(s, "Name", "Style", "x", true)).toBe("007");
    expect(s && childText(s, "Content", "Style", "x", true)).toBe("<中中&amp;");
  });
});

describe("unexpected documents are typed errors", () => {
  const cases: [name: string, xml: string, message: RegExp][] = [
    ["cut off", "<StyleList><Style><Name>a</Na", /malformed XML at line 1/],
    ["HTML page", "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", /HTML page/],
    ["wrong root", "<ListBucketResult/>", /expected a <StyleList> document, got <ListBucketResult>/],
    ["trailing garbage", "<StyleList/>junk", /malformed XML/],
    ["empty", "", /malformed XML/],
    ["JSON", '{"styles":[]}', /malformed XML/],
    ["text root", "<StyleList>oops</StyleList>", /holds text/],
    [
      "internal entity",
      `<!DOCTYPE StyleList [<!ENTITY a "${"x".repeat(10_000)}">]><StyleList>${"&a;".repeat(2_000)}</StyleList>`,
      /DOCTYPE or ENTITY/,
    ],
    [
      "a NUL reference",
      "<StyleList><Style><Name>a&#0;</Name></Style></StyleList>",
      /&#0; is not a character/,
    ],
    ["a lone surrogate reference", "<StyleList><Style><Name>&#xD800;</Name></Style></StyleList>", /&#xD800;/],
    ["a literal control character", "<StyleList><Style><Name>a\u0001</Name></Style></StyleList>", /U\+0001/],
    [
      "external entity",
      '<!DOCTYPE StyleList [<!ENTITY e SYSTEM "file:///etc/passwd">]><StyleList>&e;</StyleList>',
      /DOCTYPE or ENTITY/,
    ],
  ];
  it.each(cases)("%s", (_name, xml, message) => {
    const error = (() => {
      try {
        parseXmlDocument(xml, "StyleList", "listStyles", 200);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(OssError);
    expect(error).toMatchObject({ kind: "bad-response", code: "MalformedResponse", status: 200 });
    expect((error as OssError).message).toMatch(message);
  });

  it.each([
    ["missing Name", list("<Style><Content>x</Content></Style>"), /has no <Name>/],
    [
      "repeated Content",
      list("<Style><Name>a</Name><Content>x</Content><Content>y</Content></Style>"),
      /single text element/,
    ],
    ["Style as text", list("<Style>x</Style>"), /holds text/],
  ])("%s", (_name, xml, message) => {
    const root = parseXmlDocument(xml, "StyleList", "listStyles");
    expect(() =>
      childList(root, "Style", "StyleList", "listStyles").map(
        (s) =>
          childText(s, "Name", "Style", "listStyles", true) +
          childText(s, "Content", "Style", "listStyles", true),
      ),
    ).toThrow(message);
  });
});
