import { describe, expect, it } from "vitest";
import { styleUseOf } from "./style-use.ts";

const styles = new Set(["small", "thumb_200", "a-b"]);
const isStyle = (name: string) => styles.has(name);

describe("styleUseOf: every form OSS (and JD Cloud) accepts", () => {
  it.each([
    ["query", "GET /cat.jpg?x-oss-process=style/small HTTP/1.1", [], { name: "small", form: "process" }],
    [
      "query, %2F",
      "GET /cat.jpg?x-oss-process=style%2Fsmall&x-oss-date=1 HTTP/1.1",
      [],
      { name: "small", form: "process" },
    ],
    [
      "query after others",
      "GET /a/b.jpg?x-oss-credential=k&x-oss-process=style/thumb_200 HTTP/1.1",
      [],
      { name: "thumb_200", form: "process" },
    ],
    ["HEAD", "HEAD /cat.jpg?x-oss-process=style/small HTTP/1.1", [], { name: "small", form: "process" }],
    ["delimiter !", "GET /cat.jpg!small HTTP/1.1", ["!"], { name: "small", form: "delimiter" }],
    [
      "delimiter -, key with -",
      "GET /my-cat.jpg-small HTTP/1.1",
      ["-"],
      { name: "small", form: "delimiter" },
    ],
    [
      "delimiter /",
      "GET /photos/cat.jpg/thumb_200 HTTP/1.1",
      ["/", "-"],
      { name: "thumb_200", form: "delimiter" },
    ],
    [
      "style name with the delimiter",
      "GET /cat.jpg_a-b HTTP/1.1",
      ["_", "-"],
      { name: "a-b", form: "delimiter" },
    ],
    [
      "style name holding the only delimiter",
      "GET /my-cat.jpg-a-b HTTP/1.1",
      ["-"],
      { name: "a-b", form: "delimiter" },
    ],
    ["encoded delimiter", "GET /cat.jpg%21small HTTP/1.1", ["!"], { name: "small", form: "delimiter" }],
    ["JD imgalias", "GET /lena.jpg?imgalias/small HTTP/1.1", [], { name: "small", form: "imgalias" }],
    [
      "JD imgalias after a param",
      "GET /lena.jpg?aaa=bb&imgalias/small HTTP/1.1",
      [],
      { name: "small", form: "imgalias" },
    ],
    [
      "JD x-oss-process=imgalias",
      "GET /lena.jpg?x-oss-process=imgalias/small HTTP/1.1",
      [],
      { name: "small", form: "imgalias" },
    ],
  ] as const)("%s", (_name, url, delimiters, expected) => {
    expect(styleUseOf(url, delimiters, isStyle)).toEqual(expected);
  });

  it.each([
    ["plain GET", "GET /cat.jpg HTTP/1.1", ["!"]],
    ["image/ process", "GET /cat.jpg?x-oss-process=image/resize,w_10 HTTP/1.1", []],
    ["delimiter not configured", "GET /cat.jpg!small HTTP/1.1", []],
    ["not a style of the bucket", "GET /cat.jpg!nosuch HTTP/1.1", ["!"]],
    ["JD Imgalias (case-sensitive)", "GET /lena.jpg?Imgalias/small HTTP/1.1", []],
    ["JD imgalias/ without a name", "GET /lena.jpg?imgalias/ HTTP/1.1", []],
    ["style/ without a name", "GET /cat.jpg?x-oss-process=style/ HTTP/1.1", []],
    ["bucket-level", "GET /?style&styleName=small HTTP/1.1", ["!"]],
  ] as const)("not a style use: %s", (_name, url, delimiters) => {
    expect(styleUseOf(url, delimiters, isStyle)).toBeUndefined();
  });
});
