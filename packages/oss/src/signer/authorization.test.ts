import { describe, expect, it } from "vitest";
import { authorizationHeader, parseAuthorizationHeader } from "./authorization.ts";

const scope = "20231216/cn-hangzhou/oss/aliyun_v4_request";
const sig = "e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe";

describe("authorizationHeader", () => {
  it("omits AdditionalHeaders when empty and uses no spaces after commas", () => {
    expect(authorizationHeader("ak", scope, [], sig)).toBe(
      `OSS4-HMAC-SHA256 Credential=ak/${scope},Signature=${sig}`,
    );
    expect(authorizationHeader("ak", scope, ["abc", "zabc"], sig)).toBe(
      `OSS4-HMAC-SHA256 Credential=ak/${scope},AdditionalHeaders=abc;zabc,Signature=${sig}`,
    );
  });
});

describe("parseAuthorizationHeader", () => {
  it.each([[[] as string[]], [["abc", "zabc"]]])("round-trips %j", (additional) => {
    const parsed = parseAuthorizationHeader(authorizationHeader("ak", scope, additional, sig));
    expect(parsed).toEqual({
      ok: true,
      value: {
        accessKeyId: "ak",
        scope,
        date: "20231216",
        region: "cn-hangzhou",
        product: "oss",
        additionalHeaders: additional,
        signature: sig,
      },
    });
  });

  it("accepts the help page's comma-space separators", () => {
    const parsed = parseAuthorizationHeader(
      `OSS4-HMAC-SHA256 Credential=ak/${scope}, AdditionalHeaders=host, Signature=${sig}`,
    );
    expect(parsed.ok && parsed.value.additionalHeaders).toEqual(["host"]);
  });

  const refused: [header: string, reason: RegExp][] = [
    ["OSS ak:c2lnbmF0dXJl", /Version 1/],
    ["AWS4-HMAC-SHA256 Credential=x", /must start with/],
    [`OSS4-HMAC-SHA256 Credential=ak/${scope}`, /no Signature/],
    [`OSS4-HMAC-SHA256 Signature=${sig}`, /no Credential/],
    [`OSS4-HMAC-SHA256 Credential=ak/${scope},AdditionalHeaders=,Signature=${sig}`, /empty/],
    [
      `OSS4-HMAC-SHA256 Credential=ak/2023-12-16/cn-hangzhou/oss/aliyun_v4_request,Signature=${sig}`,
      /YYYYMMDD/,
    ],
    [
      `OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aws4_request,Signature=${sig}`,
      /aliyun_v4_request/,
    ],
    [`OSS4-HMAC-SHA256 Credential=ak/20231216/oss/aliyun_v4_request,Signature=${sig}`, /not <AccessKeyId>/],
    [`OSS4-HMAC-SHA256 Credential=ak/${scope},Signature=${sig},Signature=${sig}`, /duplicate/],
    [`OSS4-HMAC-SHA256 Credential=ak/${scope},Foo=1,Signature=${sig}`, /unknown item Foo/],
    [`OSS4-HMAC-SHA256 Credential=ak/${scope},,Signature=${sig}`, /malformed/],
  ];
  it.each(refused)("refuses %s", (header, reason) => {
    const parsed = parseAuthorizationHeader(header);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it.each([
    ["OSS ak:c2lnbmF0dXJl", "v1"],
    [
      `OSS4-HMAC-SHA256 Credential=ak/${scope},AdditionalHeaders=,Signature=${sig}`,
      "empty-additional-headers",
    ],
    [
      `OSS4-HMAC-SHA256 Credential=ak/${scope},AdditionalHeaders=host,AdditionalHeaders=host,Signature=${sig}`,
      "duplicate-item",
    ],
    [`OSS4-HMAC-SHA256 Credential=ak/${scope},Foo=1,Signature=${sig}`, "malformed"],
  ])("gives %s the failure code %s", (header, code) => {
    const parsed = parseAuthorizationHeader(header);
    expect(parsed.ok ? "accepted" : parsed.code).toBe(code);
  });
});
