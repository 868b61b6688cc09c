import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseXml } from "../http/xml.ts";
import { errorOf, signedRequest, startTestEmulator, type TestEmulator } from "../testing/raw.ts";

// Character references in the PutStyle body, on the wire: what OSS's XML parser would read is stored.

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ buckets: ["photos"] });
});
afterAll(() => emu.dispose());

const put = (name: string, body: string) =>
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
