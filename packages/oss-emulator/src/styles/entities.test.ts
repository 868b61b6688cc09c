import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseXml } from "../http/xml.ts";
import { errorOf, signedRequest, startTestEmulator, type TestEmulator } from "../testing/raw.ts";

// Character references in the PutStyle body, on the wire: what OSS's XML parser would read is stored.

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ buckets: ["photos"] });
});
afterAll(() => emu.dispose());

const put = (name: string, body: string | Uint8Array) =>
  signedRequest(emu.endpoint, {
    method: "PUT",
    bucket: "photos",
    query: [
      ["style", ""],
      ["styleName", name],
    ],
    body,
    headers: { "Content-Type": "application/xml" },
  });
const get = (name: string) =>
  signedRequest(emu.endpoint, {
    method: "GET",
    bucket: "photos",
    query: [
      ["style", ""],
      ["styleName", name],
    ],
  });

describe("PutStyle body character references", () => {
  it("decodes decimal and hexadecimal references as any XML parser would", async () => {
    const res = await put("refs", "<Style><Content>a&#60;b&#x4E2D;&#x2F;c</Content></Style>");
    expect(res.status).toBe(200);
    const got = await get("refs");
    expect(got.status).toBe(200);
    expect(got.text).toContain("<Content>a&lt;b中/c</Content>");
    const doc = parseXml(got.text) as { Style: { Content: string } };
    expect(doc.Style.Content).toBe("a<b中/c");
    const cdata = await put("cdata", "<Style><Content><![CDATA[image/resize,w_1&x]]></Content></Style>");
    expect(cdata.status).toBe(200);
  });

  it("refuses an entity XML does not define (an HTML name) as malformed", async () => {
    const res = await put("nbsp", "<Style><Content>image/resize,w_1&nbsp;</Content></Style>");
    expect(res.status).toBe(400);
    expect(errorOf(res).Code).toBe("MalformedXML");
  });

  it("refuses a body with a DOCTYPE or an entity declaration as malformed", async () => {
    for (const body of [
      '<!DOCTYPE Style [<!ENTITY e "x">]><Style><Content>&e;</Content></Style>',
      '<!DOCTYPE Style [<!ENTITY e SYSTEM "file:///etc/passwd">]><Style><Content>&e;</Content></Style>',
    ]) {
      const res = await put("dtd", body);
      expect(res.status).toBe(400);
      expect(errorOf(res).Code).toBe("MalformedXML");
    }
    expect((await get("dtd")).status).toBe(404);
  });
});

// XML 1.0 §2.2 and §4.1 (WFC Legal Character): these are not characters of any XML document, so the
// body is malformed; nothing may be stored with the character dropped or replaced.
describe("characters XML 1.0 forbids", () => {
  const wrap = (content: string) => `<Style><Content>${content}</Content></Style>`;
  it.each([
    ["&#0;", wrap("image/resize,w_1&#0;")],
    ["&#x0;", wrap("image/resize,w_1&#x0;")],
    ["a C0 control reference", wrap("image/resize,w_1&#x1;")],
    ["a lone high surrogate reference", wrap("image/resize,w_1&#xD800;")],
    ["a lone low surrogate reference", wrap("image/resize,w_1&#56320;")],
    ["&#xFFFE;", wrap("image/resize,w_1&#xFFFE;")],
    ["a reference past U+10FFFF", wrap("image/resize,w_1&#x110000;")],
    ["a literal U+0001", wrap("image/resize,w_1\u0001")],
    ["a literal U+FFFF", wrap("image/resize,w_1\uFFFF")],
  ])("%s is 400 MalformedXML and nothing is stored", async (_, body) => {
    const res = await put("forbidden", body);
    expect(res.status).toBe(400);
    expect(errorOf(res).Code).toBe("MalformedXML");
    expect((await get("forbidden")).status).toBe(404);
  });

  it("invalid UTF-8 (a lone continuation byte, an overlong form, a CESU-8 surrogate) is 400 MalformedXML", async () => {
    for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff]]) {
      const body = Buffer.concat([
        Buffer.from("<Style><Content>image/resize,w_1"),
        Buffer.from(bad),
        Buffer.from("</Content></Style>"),
      ]);
      const res = await put("badutf8", body);
      expect(res.status).toBe(400);
      expect(errorOf(res).Code).toBe("MalformedXML");
    }
    expect((await get("badutf8")).status).toBe(404);
  });

  it("still accepts tab, newline and astral characters, by reference or literally", async () => {
    const res = await put("astral", wrap("image/watermark,text_5paH&#x1F600;😀"));
    expect(res.status).toBe(200);
    expect((parseXml((await get("astral")).text) as { Style: { Content: string } }).Style.Content).toBe(
      "image/watermark,text_5paH😀😀",
    );
  });
});
