import { describe, expect, it } from "vitest";
import { OssError } from "../http/errors.ts";
import { headerClaim } from "./claim.ts";

const scope = "20231216/cn-hangzhou/oss/aliyun_v4_request";
const sig = "a".repeat(64);
const refusal = (authorization: string): OssError => {
  try {
    headerClaim({ authorization, "x-oss-date": "20231216T162057Z" });
  } catch (error) {
    if (error instanceof OssError) return error;
    throw error;
  }
  throw new Error("the header was accepted");
};

describe("headerClaim picks the error by the parser's failure code", () => {
  it("an empty AdditionalHeaders is EmptyAdditionalHeaders (EC 0002-00000209)", () => {
    const e = refusal(`OSS4-HMAC-SHA256 Credential=ak/${scope},AdditionalHeaders=,Signature=${sig}`);
    expect(e).toMatchObject({ status: 400, code: "InvalidArgument", ec: "0002-00000209" });
    expect(e.message).toMatch(/must not be empty/);
  });

  it("a duplicate AdditionalHeaders is a malformed header, not an empty one", () => {
    const e = refusal(
      `OSS4-HMAC-SHA256 Credential=ak/${scope},AdditionalHeaders=host,AdditionalHeaders=host,Signature=${sig}`,
    );
    expect(e).toMatchObject({ status: 400, code: "InvalidArgument", ec: undefined });
    expect(e.message).toBe(
      "Invalid Authorization header: duplicate AdditionalHeaders in the Authorization header.",
    );
  });
});
