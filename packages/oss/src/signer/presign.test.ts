import { describe, expect, it } from "vitest";
import { presign, presignUrl, wireQuery } from "./presign.ts";
import { parseQueryString } from "./query.ts";

const ctx = {
  credentials: { accessKeyId: "ak", accessKeySecret: "sk" },
  region: "cn-hangzhou",
  date: new Date(Date.UTC(2023, 11, 16, 16, 20, 57)),
  expiresSeconds: 3600,
};
const req = {
  method: "GET",
  bucket: "examplebucket",
  key: "photos/cat 1.jpg",
  query: [["x-oss-process", "style/small"]] as const,
};

describe("presign", () => {
  it("reproduces the derived style-presign vector and round-trips through the wire query", () => {
    const r = presign(req, ctx);
    expect(r.signature).toBe("496da8e37d40dbac4b249f38451f9def422a92a1a24cf4564712c556ec4d8b45");
    expect(parseQueryString(r.queryString)).toEqual(r.query);
    expect(r.queryString).toContain("x-oss-credential=ak%2F20231216%2Fcn-hangzhou%2Foss%2Faliyun_v4_request");
  });

  it("signs the token and the additional-header list as query parameters", () => {
    const r = presign(
      { ...req, headers: { Host: "h", range: "bytes=0-9" }, additionalHeaders: ["Range", "host", "absent"] },
      { ...ctx, credentials: { ...ctx.credentials, securityToken: "tok" } },
    );
    const q = new Map(r.query);
    expect(q.get("x-oss-security-token")).toBe("tok");
    expect(q.get("x-oss-additional-headers")).toBe("host;range");
    expect(r.canonicalRequest).toContain("host:h\nrange:bytes=0-9\n\nhost;range\nUNSIGNED-PAYLOAD");
  });

  it.each([0, -1, 604801, 1.5, Number.NaN])("refuses x-oss-expires %s", (expiresSeconds) => {
    expect(() => presign(req, { ...ctx, expiresSeconds })).toThrow(/expiresSeconds.*1–604800/);
  });

  it.each([1, 604800])("accepts x-oss-expires %s", (expiresSeconds) => {
    expect(new Map(presign(req, { ...ctx, expiresSeconds }).query).get("x-oss-expires")).toBe(
      String(expiresSeconds),
    );
  });

  it("refuses auth parameters supplied by the caller", () => {
    expect(() => presign({ ...req, query: [["X-OSS-Signature", "x"]] }, ctx)).toThrow(/set by the signer/);
  });
});

describe("presignUrl and wireQuery", () => {
  it("appends the signed query to the base URL", () => {
    const url = presignUrl("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/photos/cat%201.jpg", req, ctx);
    expect(url).toMatch(
      /^https:\/\/examplebucket\.oss-cn-hangzhou\.aliyuncs\.com\/photos\/cat%201\.jpg\?x-oss-process=style%2Fsmall&/,
    );
    expect(
      url.endsWith("&x-oss-signature=496da8e37d40dbac4b249f38451f9def422a92a1a24cf4564712c556ec4d8b45"),
    ).toBe(true);
  });

  it("refuses a base URL with a query", () => {
    expect(() => presignUrl("http://h/k?a=1", req, ctx)).toThrow(/baseUrl/);
  });

  it("writes bare names and %20", () => {
    expect(
      wireQuery([
        ["style", ""],
        ["styleName", "a b+c"],
      ]),
    ).toBe("style&styleName=a%20b%2Bc");
  });
});

describe("parseQueryString", () => {
  it.each([
    ["?style", [["style", ""]]],
    [
      "style=&styleName=x",
      [
        ["style", ""],
        ["styleName", "x"],
      ],
    ],
    [
      "a=b%20c+d&&e",
      [
        ["a", "b c+d"],
        ["e", ""],
      ],
    ],
    ["", []],
  ])("%s", (input, expected) => {
    expect(parseQueryString(input)).toEqual(expected);
  });

  it("names the position of a bad escape", () => {
    expect(() => parseQueryString("?ok=1&bad=%zz")).toThrow(/"%zz" at character 10/);
  });
});

describe("presign options", () => {
  it("can name the token parameter security-token, as the Android SDK does", () => {
    const creds = { ...ctx, credentials: { ...ctx.credentials, securityToken: "tok" } };
    const android = new Map(presign(req, creds, { securityTokenParam: "security-token" }).query);
    expect(android.get("security-token")).toBe("tok");
    expect(android.has("x-oss-security-token")).toBe(false);
    expect(new Map(presign(req, creds).query).get("x-oss-security-token")).toBe("tok");
  });
});
