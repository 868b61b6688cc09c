import { describe, expect, it } from "vitest";
import {
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  normalizeAdditionalHeaders,
} from "./canonical.ts";
import { SignerInputError } from "./errors.ts";
import type { QueryParams } from "./types.ts";

describe("canonicalUri", () => {
  const cases: [bucket: string | null, key: string | null, expected: string][] = [
    [null, null, "/"],
    ["examplebucket", null, "/examplebucket/"],
    ["bucket", "1234+-/123/1.txt", "/bucket/1234%2B-/123/1.txt"],
    ["b", "photos/cat 1.jpg", "/b/photos/cat%201.jpg"],
    ["b", "a~b_c.d-e", "/b/a~b_c.d-e"],
    ["b", "it's (1)*!.png", "/b/it%27s%20%281%29%2A%21.png"],
    ["b", "中文/é.jpg", "/b/%E4%B8%AD%E6%96%87/%C3%A9.jpg"],
    ["b", "q?x=1&y#z", "/b/q%3Fx%3D1%26y%23z"],
  ];
  it.each(cases)("%s + %s → %s", (bucket, key, expected) => {
    expect(canonicalUri(bucket, key)).toBe(expected);
  });

  it("names the field and position of a lone surrogate", () => {
    expect(() => canonicalUri("b", "a\uD800b")).toThrow(SignerInputError);
    expect(() => canonicalUri("b", "a\uD800b")).toThrow(/Invalid key: .*index 1/);
  });
});

describe("canonicalQuery", () => {
  const cases: [name: string, query: QueryParams, expected: string][] = [
    ["empty", [], ""],
    ["valueless sub-resource is the bare name", [["style", ""]], "style"],
    [
      "style API order",
      [
        ["styleName", "x"],
        ["style", ""],
        ["category", "image"],
      ],
      "category=image&style&styleName=x",
    ],
    ["slash encoded", [["x-oss-process", "style/small"]], "x-oss-process=style%2Fsmall"],
    ["space is %20, plus is %2B", [["a", "b c+d"]], "a=b%20c%2Bd"],
    ["marks escaped", [["k", "!'()*~"]], "k=%21%27%28%29%2A~"],
    // Byte order, not localeCompare: digits < upper case < "_" < lower case < "~".
    [
      "byte order",
      [
        ["~t", "1"],
        ["a", "1"],
        ["_u", "1"],
        ["Zed", "1"],
        ["0n", "1"],
        ["B", "1"],
      ],
      "0n=1&B=1&Zed=1&_u=1&a=1&~t=1",
    ],
    [
      "encoded names sort by their encoding",
      [
        ["|p", ""],
        ["+p", ""],
        ["p", ""],
      ],
      "%2Bp&%7Cp&p",
    ],
    [
      "duplicate names sort by value",
      [
        ["a", "2"],
        ["a", "1"],
      ],
      "a=1&a=2",
    ],
    ["non-ASCII as UTF-8", [["n", "é"]], "n=%C3%A9"],
  ];
  it.each(cases)("%s", (_name, query, expected) => {
    expect(canonicalQuery(query)).toBe(expected);
  });
});

describe("normalizeAdditionalHeaders", () => {
  const headers = { abc: "v", ZAbc: "v", "x-oss-head1": "v", Host: "h:8080", empty: "  " };
  const cases: [input: string[], expected: string[]][] = [
    [[], []],
    [
      ["ZAbc", "abc"],
      ["abc", "zabc"],
    ],
    [
      ["x-oss-no-exist", "ZAbc", "x-oss-head1", "abc"],
      ["abc", "zabc"],
    ],
    [["HOST", "host", "Content-Type"], ["host"]],
    [["empty", "missing"], []],
  ];
  it.each(cases)("%j → %j", (input, expected) => {
    expect(normalizeAdditionalHeaders(input, headers)).toEqual(expected);
  });
});

describe("canonicalHeaders", () => {
  it("signs content-type, content-md5, x-oss-* and the additional list only; trims values", () => {
    const headers = {
      "Content-MD5": " m ",
      Host: "h",
      Range: "bytes=0-1",
      "X-OSS-Meta-A": "1",
      "content-type": "t",
    };
    expect(canonicalHeaders(headers, [])).toBe("content-md5:m\ncontent-type:t\nx-oss-meta-a:1\n");
    expect(canonicalHeaders(headers, ["host"])).toBe(
      "content-md5:m\ncontent-type:t\nhost:h\nx-oss-meta-a:1\n",
    );
  });

  it("joins a header given twice in different case with a comma", () => {
    expect(canonicalHeaders({ "x-oss-meta-a": "1", "X-Oss-Meta-A": "2" })).toBe("x-oss-meta-a:1,2\n");
  });
});

describe("canonicalRequest", () => {
  it("leaves a blank line before an empty additional list and uses the sha256 header as payload hash", () => {
    const text = canonicalRequest({
      method: "put",
      bucket: "b",
      key: "k",
      headers: { "x-oss-content-sha256": "UNSIGNED-PAYLOAD" },
    });
    expect(text).toBe("PUT\n/b/k\n\nx-oss-content-sha256:UNSIGNED-PAYLOAD\n\n\nUNSIGNED-PAYLOAD");
  });
});
