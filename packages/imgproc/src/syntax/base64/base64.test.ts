import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64Url } from "./index.ts";

/** Known pairs from the reference (fonts, SDK watermark text, JD examples). */
const PAIRS: { text: string; encoded: string }[] = [
  { text: "wqy-zenhei", encoded: "d3F5LXplbmhlaQ" },
  { text: "droidsansfallback", encoded: "ZHJvaWRzYW5zZmFsbGJhY2s" },
  { text: "Hello 图片服务!", encoded: "SGVsbG8g5Zu-54mH5pyN5YqhIQ" },
  { text: "京东云", encoded: "5Lqs5Lic5LqR" },
  { text: "downloads:logo.png", encoded: "ZG93bmxvYWRzOmxvZ28ucG5n" },
  {
    text: "panda.png?x-oss-process=image/resize,P_30",
    encoded: "cGFuZGEucG5nP3gtb3NzLXByb2Nlc3M9aW1hZ2UvcmVzaXplLFBfMzA",
  },
  { text: "", encoded: "" },
];

describe("URL-safe Base64", () => {
  it.each(PAIRS)("$text ⇄ $encoded", ({ text, encoded }) => {
    expect(encodeBase64Url(text)).toBe(encoded);
    expect(decodeBase64Url(encoded)).toEqual({ ok: true, text });
  });

  it("accepts = padding", () => {
    expect(decodeBase64Url("SGk=")).toEqual({ ok: true, text: "Hi" });
  });

  it.each([
    { input: "a+b", at: 1 },
    { input: "a/b", at: 1 },
    { input: "ab!c", at: 2 },
    { input: "abcde", at: 4 },
  ])("rejects $input at $at", ({ input, at }) => {
    expect(decodeBase64Url(input)).toMatchObject({ ok: false, at });
  });

  it("rejects bytes that are not UTF-8", () => {
    expect(decodeBase64Url("_w")).toMatchObject({ ok: false }); // 0xFF
  });

  it("round-trips any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 64 }), (text) => {
        const back = decodeBase64Url(encodeBase64Url(text));
        return back.ok && back.text === text;
      }),
      { numRuns: 500 },
    );
  });
});
