import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseAuthorizationHeader } from "./authorization.ts";
import { signRequest } from "./sign-request.ts";
import type { HeaderMap, QueryParams } from "./types.ts";

// ali-oss is an independent implementation; its signer is the oracle here (dev dependency only).
const require = createRequire(import.meta.url);
const aliSign: {
  authorizationV4(
    ak: string,
    sk: string,
    region: string,
    method: string,
    request: { headers: HeaderMap; queries: Record<string, string | null> },
    bucket?: string,
    key?: string,
    additional?: string[],
  ): string;
} = require("ali-oss/lib/common/signUtils.js");

const credentials = { accessKeyId: "LTAI-test", accessKeySecret: "secret/+=" };
const date = new Date(Date.UTC(2026, 10, 21, 19, 30, 5));

// ali-oss wants valueless parameters as null (see the reference §5) and sorts with localeCompare, so the
// table keeps to names that sort the same both ways.
const cases: [
  name: string,
  method: string,
  bucket: string,
  key: string | undefined,
  query: QueryParams,
  headers: HeaderMap,
][] = [
  ["ListStyle", "GET", "examplebucket", undefined, [["style", ""]], {}],
  [
    "GetStyle",
    "GET",
    "examplebucket",
    undefined,
    [
      ["style", ""],
      ["styleName", "small"],
    ],
    { "Content-Type": "application/xml" },
  ],
  [
    "PutStyle with category",
    "PUT",
    "bkt",
    undefined,
    [
      ["category", "image"],
      ["style", ""],
      ["styleName", "a.b_c-1"],
    ],
    { "content-type": "application/xml", "content-md5": "1B2M2Y8AsgTpgAmY7PhCfg==" },
  ],
  [
    "GetObject with process",
    "GET",
    "bkt",
    "photos/cat 1+é.jpg",
    [["x-oss-process", "image/resize,w_200/quality,q_90"]],
    {},
  ],
  [
    "ListObjectsV2",
    "GET",
    "bkt",
    undefined,
    [
      ["continuation-token", "a/b c"],
      ["list-type", "2"],
      ["prefix", "photos/"],
    ],
    {},
  ],
];

describe("signRequest agrees with ali-oss's authorizationV4", () => {
  it.each(cases)("%s", (_name, method, bucket, key, query, headers) => {
    const signed = signRequest(
      { method, bucket, key, query, headers },
      { credentials, region: "oss-cn-hangzhou", date },
    );
    const all = { ...headers, ...signed.headers };
    const queries = Object.fromEntries(query.map(([n, v]) => [n, v === "" ? null : v]));
    const lowerAll = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), v]));
    const expected = aliSign.authorizationV4(
      "LTAI-test",
      "secret/+=",
      "cn-hangzhou",
      method,
      { headers: lowerAll, queries },
      bucket,
      key,
    );
    expect(signed.headers.Authorization).toBe(expected);
  });
});

describe("signRequest headers", () => {
  it("adds x-oss-date and Date from the same instant, UNSIGNED-PAYLOAD, and strips oss- from the region", () => {
    const { headers } = signRequest(
      { method: "GET", bucket: "b" },
      { credentials, region: "oss-cn-beijing", date },
    );
    expect(headers["x-oss-date"]).toBe("20261121T193005Z");
    expect(headers.Date).toBe("Sat, 21 Nov 2026 19:30:05 GMT");
    expect(headers["x-oss-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
    const parsed = parseAuthorizationHeader(headers.Authorization ?? "");
    expect(parsed.ok && parsed.value.scope).toBe("20261121/cn-beijing/oss/aliyun_v4_request");
  });

  it("sends and signs an STS token, and sends none for an empty token", () => {
    const sts = signRequest(
      { method: "GET", bucket: "b" },
      { credentials: { ...credentials, securityToken: "tok" }, region: "r", date },
    );
    expect(sts.headers["x-oss-security-token"]).toBe("tok");
    expect(sts.canonicalRequest).toContain("x-oss-security-token:tok\n");
    const none = signRequest(
      { method: "GET", bucket: "b" },
      { credentials: { ...credentials, securityToken: "" }, region: "r", date },
    );
    expect(none.headers).not.toHaveProperty("x-oss-security-token");
  });

  it("replaces a caller's own x-oss-date instead of sending it twice", () => {
    const r = signRequest(
      { method: "GET", headers: { "X-Oss-Date": "19700101T000000Z" } },
      { credentials, region: "r", date },
    );
    expect(r.canonicalRequest).toContain("x-oss-date:20261121T193005Z\n");
    expect(r.canonicalRequest).not.toContain("19700101");
  });

  it("uses the cloud-box product in the scope", () => {
    const r = signRequest(
      { method: "GET" },
      { credentials, region: "cb-123", product: "oss-cloudbox", date },
    );
    expect(r.stringToSign.split("\n")[2]).toBe("20261121/cb-123/oss-cloudbox/aliyun_v4_request");
  });

  it.each([
    [{ ...credentials, accessKeyId: "" }, /accessKeyId/],
    [{ ...credentials, accessKeySecret: "" }, /accessKeySecret/],
  ])("refuses empty credentials without echoing the secret", (creds, message) => {
    expect(() => signRequest({ method: "GET" }, { credentials: creds, region: "r", date })).toThrow(message);
  });

  it("refuses an invalid date", () => {
    expect(() => signRequest({ method: "GET" }, { credentials, region: "r", date: new Date("x") })).toThrow(
      /date/,
    );
  });
});

describe("signing-key memo", () => {
  it("gives the same key as the uncached chain, and follows a change of secret, date or region", async () => {
    const { cachedSigningKey, signingKey } = await import("./key.ts");
    const scopes = [
      { date: "20261121", region: "cn-hangzhou", product: "oss" },
      { date: "20261122", region: "cn-hangzhou", product: "oss" },
      { date: "20261122", region: "cn-beijing", product: "oss" },
      { date: "20261122", region: "cn-beijing", product: "oss-cloudbox" },
    ];
    for (const secret of ["a", "b", "a"]) {
      for (const scope of scopes)
        expect(cachedSigningKey(secret, scope).equals(signingKey(secret, scope))).toBe(true);
    }
  });
});
