import { describe, expect, it } from "vitest";
import { normalizeContent, readPaste } from "./paste.ts";

describe("readPaste", () => {
  it("takes the chain out of a full OSS URL, decoded", () => {
    const url =
      "https://demo.oss-cn-hangzhou.aliyuncs.com/photo.jpg?x-oss-process=image%2Fresize%2Cw_200&v=2";
    expect(readPaste(url)).toEqual({ kind: "ossUrl", text: "image/resize,w_200", url });
    expect(readPaste("?x-oss-process=image/rotate,90")).toMatchObject({ text: "image/rotate,90" });
  });

  it("recognises a reference to a saved style and a JD URL", () => {
    expect(readPaste("https://b.example.com/a.jpg?x-oss-process=style/thumb")).toMatchObject({
      kind: "styleRef",
      name: "thumb",
    });
    expect(readPaste("https://img.jd.example/a.jpg?img/s/200_200")).toMatchObject({
      kind: "jdUrl",
      text: "img/s/200_200",
    });
  });

  it("trims whitespace and line breaks around plain text", () => {
    expect(readPaste("  image/resize,w_10\n")).toEqual({ kind: "text", text: "image/resize,w_10" });
    expect(normalizeContent("\nimage/resize,\r\nw_10 ")).toBe("image/resize,w_10");
  });
});
