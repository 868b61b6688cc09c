import { describe, expect, it } from "vitest";
import { OssError } from "./errors.ts";
import { hintFor } from "./hints.ts";
import { errorFromResponse } from "./response-error.ts";

const xmlError = (code: string, extra = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>msg for ${code}</Message>\n  <RequestId>5C3D9175B6FC201293AD4890</RequestId>\n  <HostId>b.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <EC>0002-00000201</EC>${extra}\n</Error>`;

describe("errorFromResponse", () => {
  it("answers a hostile DTD with a redacted bad-response error instead of throwing", () => {
    const body = `<!DOCTYPE Error [<!ENTITY e SYSTEM "file:///s3cretSECRET">]><Error><Code>&e;</Code></Error>`;
    const e = errorFromResponse(new Response(null, { status: 500 }), body, "getStyle", ["s3cretSECRET"]);
    expect(e).toMatchObject({ kind: "bad-response", code: "MalformedResponse", status: 500 });
    expect(e.message).toMatch(/^HTTP 500: .*DOCTYPE/);
    expect(JSON.stringify(e)).not.toContain("s3cretSECRET");
  });

  it("keeps Code, Message, RequestId, HostId, EC and the other fields", () => {
    const res = new Response(null, { status: 403 });
    const e = errorFromResponse(
      res,
      xmlError("SignatureDoesNotMatch", "<StringToSign>OSS4-HMAC-SHA256\n…</StringToSign>"),
      "listStyles",
      [],
    );
    expect(e).toMatchObject({
      kind: "service",
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "msg for SignatureDoesNotMatch",
      requestId: "5C3D9175B6FC201293AD4890",
      hostId: "b.oss-cn-hangzhou.aliyuncs.com",
      ec: "0002-00000201",
      details: { StringToSign: "OSS4-HMAC-SHA256\n…" },
    });
    expect(e.hint).toMatch(/secret.*region/);
  });

  it("reads a HEAD error from the base64 x-oss-err header, and falls back to headers", () => {
    const headers = { "x-oss-err": Buffer.from(xmlError("NoSuchKey")).toString("base64") };
    expect(
      errorFromResponse(new Response(null, { status: 404, headers }), "", "headObject", []),
    ).toMatchObject({ code: "NoSuchKey", ec: "0002-00000201" });
    const bare = new Response(null, {
      status: 404,
      headers: { "x-oss-request-id": "RID", "x-oss-ec": "0026-00000001" },
    });
    expect(errorFromResponse(bare, "", "headObject", [])).toMatchObject({
      code: "NoSuchKey",
      requestId: "RID",
      ec: "0026-00000001",
    });
  });

  it.each([
    [
      "an HTML error page",
      "<html><body><h1>502 Bad Gateway</h1></body></html>",
      /HTTP 502: expected <Error> XML, got an HTML page/,
    ],
    ["a cut-off document", "<Error><Code>Internal", /HTTP 502: malformed XML/],
    ["an <Error> without Code", "<Error><Message>x</Message></Error>", /has no <Code>/],
  ])("turns %s into a bad-response error with the status", (_name, body, message) => {
    const e = errorFromResponse(
      new Response(null, { status: 502, headers: { "x-oss-request-id": "RID" } }),
      body,
      "getStyle",
      [],
    );
    expect(e).toBeInstanceOf(OssError);
    expect(e).toMatchObject({ kind: "bad-response", status: 502, requestId: "RID" });
    expect(e.message).toMatch(message);
  });

  it("redacts secrets a server echoes back, in every field", () => {
    const secret = "s3cr3t-AccessKeySecret";
    const token = "CAIS-sts-token-value";
    const body = xmlError("InvalidSecurityToken", `<Token>${token}</Token>`).replace(
      "msg for",
      `bad ${secret} and`,
    );
    const e = errorFromResponse(new Response(null, { status: 403 }), body, "getStyle", [secret, token]);
    const everything = JSON.stringify(e.toJSON()) + e.message + String(e.stack);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(token);
    expect(e.details.Token).toBe("[redacted]");
  });
});

describe("hints", () => {
  it.each([
    ["AccessDenied", "putStyle", /grant `oss:PutStyle` on this bucket/],
    ["AccessDenied", "listStyles", /oss:ListStyle/],
    ["SignatureDoesNotMatch", "getStyle", /secret.*region/],
    ["NoSuchBucket", "listStyles", /bucket name.*region/],
    ["NoSuchStyle", "getStyle", /no style has this name/],
    ["BadRequest", "putStyle", /content is invalid/],
    ["RequestTimeTooSkewed", "getStyle", /clock/],
  ])("%s on %s", (code, operation, hint) => {
    expect(hintFor(code, operation, 403)).toMatch(hint);
  });

  it("tells the style limit apart from a missing permission", () => {
    expect(hintFor("AccessDenied", "putStyle", 403, "Your style count is exceeded 50.")).toMatch(
      /style limit/,
    );
  });

  it("has none for an unknown 4xx code", () => {
    expect(hintFor("SomethingNew", "getStyle", 409)).toBeUndefined();
  });
});
