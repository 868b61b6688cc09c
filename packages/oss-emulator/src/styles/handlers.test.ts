import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseXml } from "../http/xml.ts";
import { errorOf, signedRequest, startTestEmulator, type TestEmulator } from "../testing/raw.ts";

// The style API over loopback HTTP, checked on the wire: status, headers, XML.

let emu: TestEmulator;
let now = new Date();
beforeAll(async () => {
  emu = await startTestEmulator({
    buckets: ["photos", "small", "race"],
    styleLimit: 3,
    maxXmlBytes: 2048,
    clock: () => now,
  });
});
afterAll(() => emu.dispose());

const styleXml = (content: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Style><Content>${content}</Content></Style>`;
const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function putStyle(
  name: string,
  body: string,
  options: { bucket?: string; category?: string; headers?: Record<string, string> } = {},
) {
  const query: Array<[string, string]> = [
    ["style", ""],
    ["styleName", name],
  ];
  if (options.category !== undefined) query.unshift(["category", options.category]);
  return signedRequest(emu.endpoint, {
    method: "PUT",
    bucket: options.bucket ?? "photos",
    query,
    body,
    headers: { "Content-Type": "application/xml", ...options.headers },
  });
}
const getStyle = (name: string, bucket = "photos") =>
  signedRequest(emu.endpoint, {
    method: "GET",
    bucket,
    query: [
      ["style", ""],
      ["styleName", name],
    ],
  });
const listStyles = (bucket = "photos") =>
  signedRequest(emu.endpoint, { method: "GET", bucket, query: [["style", ""]] });
const deleteStyle = (name: string, bucket = "photos") =>
  signedRequest(emu.endpoint, {
    method: "DELETE",
    bucket,
    query: [
      ["style", ""],
      ["styleName", name],
    ],
  });

function styleOf(text: string): Record<string, string> {
  const style = parseXml(text)?.Style as Record<string, string> | undefined;
  if (!style) throw new Error(`no <Style> in ${text}`);
  return style;
}

describe("PutStyle, GetStyle, ListStyle, DeleteStyle", () => {
  it("creates a style: 200 with an empty body, then GetStyle returns it with RFC 1123 times", async () => {
    const put = await putStyle("thumb", styleXml("image/resize,w_200/quality,q_90"));
    expect(put.status).toBe(200);
    expect(put.body.length).toBe(0);
    expect(put.headers["x-oss-request-id"]).toMatch(/^[0-9A-F]{24}$/);
    const got = await getStyle("thumb");
    expect(got.status).toBe(200);
    expect(got.headers["content-type"]).toBe("application/xml");
    const style = styleOf(got.text);
    expect(style).toMatchObject({
      Name: "thumb",
      Content: "image/resize,w_200/quality,q_90",
      Category: "image",
    });
    expect(style.CreateTime).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Math.abs(Date.parse(style.CreateTime ?? "") - Date.now())).toBeLessThan(5000);
  });

  it("round-trips content with <, &, double quotes and non-ASCII exactly", async () => {
    const content = 'image/watermark,text_5rC05Y2w,type_"x"&<y>/resize,w_10 é字';
    expect((await putStyle("tricky", styleXml(escapeXml(content)))).status).toBe(200);
    expect(styleOf((await getStyle("tricky")).text).Content).toBe(content);
    await deleteStyle("tricky");
  });

  it("overwrites in place: same CreateTime and position, new content and category", async () => {
    await putStyle("first", styleXml("image/resize,w_1"));
    const before = styleOf((await getStyle("first")).text);
    now = new Date(now.getTime() + 60_000);
    expect((await putStyle("first", styleXml("image/resize,w_2"), { category: "document" })).status).toBe(
      200,
    );
    const after = styleOf((await getStyle("first")).text);
    expect(after).toMatchObject({
      Content: "image/resize,w_2",
      Category: "document",
      CreateTime: before.CreateTime,
    });
    expect(after.LastModifyTime).not.toBe(before.LastModifyTime);
    const list = parseXml((await listStyles()).text)?.StyleList as { Style: Array<{ Name: string }> };
    expect(list.Style.map((s) => s.Name)).toEqual(["thumb", "first"]);
  });

  it("lists an empty bucket as an empty StyleList", async () => {
    const res = await listStyles("small");
    expect(res.status).toBe(200);
    expect(res.text).toContain("<StyleList></StyleList>");
  });

  it("answers 404 NoSuchStyle for a missing style and 204 for deleting it, twice", async () => {
    const missing = await getStyle("nope");
    expect(missing.status).toBe(404);
    expect(errorOf(missing).Code).toBe("NoSuchStyle");
    await putStyle("gone", styleXml("image/resize,w_5"));
    expect((await deleteStyle("gone")).status).toBe(204);
    expect((await deleteStyle("gone")).status).toBe(204);
    expect((await getStyle("gone")).status).toBe(404);
  });

  it("enforces the per-bucket limit on new styles only", async () => {
    for (const name of ["a", "b", "c"])
      expect((await putStyle(name, styleXml("image/resize,w_1"), { bucket: "small" })).status).toBe(200);
    const over = await putStyle("d", styleXml("image/resize,w_1"), { bucket: "small" });
    expect(over.status).toBe(403);
    expect(errorOf(over)).toMatchObject({ Code: "AccessDenied", Message: "Your style count is exceeded 3." });
    expect((await putStyle("b", styleXml("image/resize,w_9"), { bucket: "small" })).status).toBe(200);
    expect((await getStyle("d", "small")).status).toBe(404);
  });
});

describe("concurrent PutStyle", () => {
  it("admits exactly the limit when many new styles race for the last places", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        putStyle(`r${i}`, styleXml("image/resize,w_1"), { bucket: "race" }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 403)).toHaveLength(7);
    const list = parseXml((await listStyles("race")).text)?.StyleList as { Style: unknown[] };
    expect(list.Style).toHaveLength(3);
  });
});

describe("PutStyle input errors", () => {
  it.each([
    ["x".repeat(64), "0017-00000250"],
    ["a b", "0017-00000251"],
    ["@%$^&%(&(*(*", "0017-00000251"],
  ])("refuses the style name %j with EC %s", async (name, ec) => {
    const res = await putStyle(name, styleXml("image/resize,w_1"));
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({
      Code: "InvalidArgument",
      EC: ec,
      Message: `The value: ${name} of parameter: stylename is invalid.`,
    });
  });

  it.each(["", "   ", "image/resize,w_1;", "image/(x)", "it's", "a*b", "a?b"])(
    "refuses the content %j as BadRequest",
    async (content) => {
      const res = await putStyle("bad", styleXml(escapeXml(content)));
      expect(res.status).toBe(400);
      expect(errorOf(res)).toMatchObject({
        Code: "BadRequest",
        Message: "Style content is invalid.",
        EC: "0017-00000253",
      });
    },
  );

  it("stores content it cannot interpret, as OSS does", async () => {
    expect((await putStyle("opaque", styleXml("csdar5324"))).status).toBe(200);
    await deleteStyle("opaque");
  });

  it("refuses malformed XML, an oversized body, a wrong Content-MD5 and an unknown category", async () => {
    const malformed = await putStyle("x", "<Style><Content>a</Style>");
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed).Code).toBe("MalformedXML");
    const noContent = await putStyle("x", "<Style><Other>a</Other></Style>");
    expect(errorOf(noContent).Code).toBe("MalformedXML");
    const big = await putStyle("x", styleXml("a".repeat(4096)));
    expect(big.status).toBe(400);
    expect(errorOf(big).Code).toBe("EntityTooLarge");
    const body = styleXml("image/resize,w_1");
    const wrongMd5 = createHash("md5").update("other").digest("base64");
    const digest = await putStyle("x", body, { headers: { "Content-MD5": wrongMd5 } });
    expect(errorOf(digest).Code).toBe("BadDigest");
    const rightMd5 = createHash("md5").update(body).digest("base64");
    expect((await putStyle("x", body, { headers: { "Content-MD5": rightMd5 } })).status).toBe(200);
    const category = await putStyle("x", body, { category: "audio" });
    expect(category.status).toBe(400);
    expect(errorOf(category).Code).toBe("InvalidArgument");
    await deleteStyle("x");
  });

  it("answers NoSuchBucket for an unknown bucket, with its name", async () => {
    const res = await listStyles("no-such-bucket");
    expect(res.status).toBe(404);
    expect(errorOf(res)).toMatchObject({
      Code: "NoSuchBucket",
      EC: "0015-00000101",
      BucketName: "no-such-bucket",
    });
  });
});
