import { presign } from "@style-console/oss/signer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  errorOf,
  rawRequest,
  signedRequest,
  startTestEmulator,
  type TestEmulator,
  testCredentials,
} from "../testing/raw.ts";

// Signature V4 verification over real loopback HTTP: every refusal has OSS's status, Code and EC.

let emu: TestEmulator;
let now = new Date();
beforeAll(async () => {
  emu = await startTestEmulator({
    clock: () => now,
    extraCredentials: [{ accessKeyId: "sts-ak", accessKeySecret: "sts-sk", securityToken: "tok-123" }],
  });
});
afterAll(() => emu.dispose());

const listStyles = { method: "GET", bucket: "photos", query: [["style", ""]] as Array<[string, string]> };

describe("header-mode signatures", () => {
  it("accepts a correctly signed request and tags it with a request id", async () => {
    now = new Date();
    const res = await signedRequest(emu.endpoint, listStyles);
    expect(res.status).toBe(200);
    expect(res.headers["x-oss-request-id"]).toMatch(/^[0-9A-F]{24}$/);
    expect(res.text).toContain("<StyleList>");
  });

  it("refuses a wrong secret with SignatureDoesNotMatch and the server's StringToSign and canonical request", async () => {
    now = new Date();
    const res = await signedRequest(emu.endpoint, {
      ...listStyles,
      credentials: { ...testCredentials, accessKeySecret: "wrong" },
    });
    expect(res.status).toBe(403);
    const error = errorOf(res);
    expect(error.Code).toBe("SignatureDoesNotMatch");
    expect(error.EC).toBe("0002-00000201");
    expect(res.headers["x-oss-ec"]).toBe("0002-00000201");
    // Same request, only the key differs: the server reconstructs exactly what the client signed.
    expect(error.StringToSign).toBe(res.stringToSign);
    expect(error.CanonicalRequest).toBe(res.canonicalRequest);
    expect(error.RequestId).toBe(res.headers["x-oss-request-id"]);
    expect(error.HostId).toBe(new URL(emu.endpoint).host);
    expect(res.text).not.toContain("test-secret");
  });

  it("refuses a signature with one character changed", async () => {
    now = new Date();
    const res = await signedRequest(emu.endpoint, {
      ...listStyles,
      tamper: (r) => {
        const auth = r.headers.Authorization ?? "";
        const last = auth.at(-1) === "0" ? "1" : "0";
        r.headers.Authorization = auth.slice(0, -1) + last;
      },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res).Code).toBe("SignatureDoesNotMatch");
  });

  it("refuses a tampered query and shows the string the server signed", async () => {
    now = new Date();
    const res = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "photos",
      query: [
        ["style", ""],
        ["styleName", "a"],
      ],
      tamper: (r) => {
        r.path = r.path.replace("styleName=a", "styleName=b");
      },
    });
    expect(res.status).toBe(403);
    const error = errorOf(res);
    expect(error.Code).toBe("SignatureDoesNotMatch");
    expect(error.CanonicalRequest).toContain("style&styleName=b");
    expect(error.StringToSign).not.toBe(res.stringToSign);
  });

  it("refuses a tampered signed header", async () => {
    now = new Date();
    const res = await signedRequest(emu.endpoint, {
      ...listStyles,
      headers: { "x-oss-meta-note": "one" },
      tamper: (r) => {
        r.headers["x-oss-meta-note"] = "two";
      },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res).Code).toBe("SignatureDoesNotMatch");
  });

  it("ignores unsigned headers (Host and Date are not signed by default)", async () => {
    now = new Date();
    const res = await signedRequest(emu.endpoint, {
      ...listStyles,
      tamper: (r) => {
        r.headers["User-Agent"] = "other";
      },
    });
    expect(res.status).toBe(200);
  });

  it("refuses a wrong region (EC 0002-00000228) and an oss- prefixed one (EC 0002-00000226)", async () => {
    now = new Date();
    const wrong = await signedRequest(emu.endpoint, { ...listStyles, region: "cn-shanghai" });
    expect(wrong.status).toBe(403);
    expect(errorOf(wrong).EC).toBe("0002-00000228");
    // The signer strips "oss-", so the prefixed form has to be written by hand into the header.
    const prefixed = await signedRequest(emu.endpoint, {
      ...listStyles,
      tamper: (r) => {
        r.headers.Authorization = (r.headers.Authorization ?? "").replace(
          "/cn-hangzhou/",
          "/oss-cn-hangzhou/",
        );
      },
    });
    expect(prefixed.status).toBe(400);
    expect(errorOf(prefixed).EC).toBe("0002-00000226");
  });

  it("refuses a wrong scope: another product, another date, another terminator", async () => {
    now = new Date();
    for (const [from, to] of [
      ["/oss/", "/s3/"],
      ["/aliyun_v4_request", "/aws4_request"],
    ] as const) {
      const res = await signedRequest(emu.endpoint, {
        ...listStyles,
        tamper: (r) => {
          r.headers.Authorization = (r.headers.Authorization ?? "").replace(from, to);
        },
      });
      expect(res.status).toBe(400);
      expect(errorOf(res).Code).toBe("InvalidArgument");
    }
    const dated = await signedRequest(emu.endpoint, {
      ...listStyles,
      tamper: (r) => {
        r.headers.Authorization = (r.headers.Authorization ?? "").replace(
          /Credential=test-ak\/\d{8}/,
          "Credential=test-ak/20200101",
        );
      },
    });
    expect(dated.status).toBe(400);
    expect(errorOf(dated).Message).toContain("20200101");
  });

  it("refuses a clock skew over 15 minutes with RequestTimeTooSkewed, and accepts 14 minutes", async () => {
    now = new Date();
    const skewed = await signedRequest(emu.endpoint, {
      ...listStyles,
      date: new Date(now.getTime() - 16 * 60_000),
    });
    expect(skewed.status).toBe(403);
    const error = errorOf(skewed);
    expect(error.Code).toBe("RequestTimeTooSkewed");
    expect(error.EC).toBe("0002-00000504");
    expect(error.MaxAllowedSkewMilliseconds).toBe("900000");
    const close = await signedRequest(emu.endpoint, {
      ...listStyles,
      date: new Date(now.getTime() + 14 * 60_000),
    });
    expect(close.status).toBe(200);
  });

  it("refuses Signature V1 with a message that says so", async () => {
    const res = await rawRequest(emu.endpoint, {
      method: "GET",
      path: "/photos/?style",
      headers: { Date: new Date().toUTCString(), Authorization: "OSS test-ak:c2lnbmF0dXJl" },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res).Message).toMatch(/only Signature V4/);
  });

  it("refuses unsigned requests, unknown keys and malformed dates", async () => {
    now = new Date();
    const anonymous = await rawRequest(emu.endpoint, { method: "GET", path: "/photos/?style" });
    expect(anonymous.status).toBe(403);
    expect(errorOf(anonymous).Code).toBe("AccessDenied");
    const unknown = await signedRequest(emu.endpoint, {
      ...listStyles,
      credentials: { accessKeyId: "nobody", accessKeySecret: "x" },
    });
    expect(unknown.status).toBe(403);
    expect(errorOf(unknown).Code).toBe("InvalidAccessKeyId");
    const hyphen = await signedRequest(emu.endpoint, {
      ...listStyles,
      tamper: (r) => {
        r.headers["x-oss-date"] = "2023-12-16T16:20:57Z";
      },
    });
    expect(hyphen.status).toBe(400);
    expect(errorOf(hyphen).EC).toBe("0002-00000212");
  });

  it("checks STS security tokens", async () => {
    now = new Date();
    const sts = { accessKeyId: "sts-ak", accessKeySecret: "sts-sk", securityToken: "tok-123" };
    expect((await signedRequest(emu.endpoint, { ...listStyles, credentials: sts })).status).toBe(200);
    const wrong = await signedRequest(emu.endpoint, {
      ...listStyles,
      credentials: { ...sts, securityToken: "tok-999" },
    });
    expect(wrong.status).toBe(403);
    expect(errorOf(wrong).Code).toBe("InvalidAccessKeyId");
    const missing = await signedRequest(emu.endpoint, {
      ...listStyles,
      credentials: { ...sts, securityToken: undefined },
    });
    expect(missing.status).toBe(403);
    const tokenOnLongTerm = await signedRequest(emu.endpoint, {
      ...listStyles,
      credentials: { ...testCredentials, securityToken: "tok-123" },
    });
    expect(tokenOnLongTerm.status).toBe(403);
  });

  it("puts the error of a HEAD request in x-oss-err, base64-encoded", async () => {
    now = new Date();
    const res = await signedRequest(emu.endpoint, { method: "HEAD", bucket: "photos", key: "missing.jpg" });
    expect(res.status).toBe(404);
    expect(res.body.length).toBe(0);
    const xml = Buffer.from(String(res.headers["x-oss-err"]), "base64").toString("utf8");
    expect(xml).toContain("<Code>NoSuchKey</Code>");
  });
});

describe("presigned URLs", () => {
  async function putSample(): Promise<void> {
    now = new Date();
    const put = await signedRequest(emu.endpoint, {
      method: "PUT",
      bucket: "photos",
      key: "dir/a b+c.txt",
      body: "hello",
      headers: { "Content-Type": "text/plain" },
    });
    expect(put.status).toBe(200);
  }

  function presignedPath(date: Date, expiresSeconds: number): string {
    const { queryString } = presign(
      { method: "GET", bucket: "photos", key: "dir/a b+c.txt" },
      { credentials: testCredentials, region: "cn-hangzhou", date, expiresSeconds },
    );
    return `/photos/dir/a%20b%2Bc.txt?${queryString}`;
  }

  it("serves a valid presigned GET", async () => {
    await putSample();
    const res = await rawRequest(emu.endpoint, { method: "GET", path: presignedPath(now, 60) });
    expect(res.status).toBe(200);
    expect(res.text).toBe("hello");
  });

  it("refuses an expired URL with AccessDenied", async () => {
    await putSample();
    const path = presignedPath(now, 60);
    now = new Date(now.getTime() + 61_000);
    const res = await rawRequest(emu.endpoint, { method: "GET", path });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toMatchObject({ Code: "AccessDenied", Message: "Request has expired." });
  });

  it("refuses a tampered presigned query and an out-of-range x-oss-expires", async () => {
    await putSample();
    const tampered = await rawRequest(emu.endpoint, {
      method: "GET",
      path: `${presignedPath(now, 60)}&x-oss-process=image%2Finfo`,
    });
    expect(tampered.status).toBe(403);
    expect(errorOf(tampered).Code).toBe("SignatureDoesNotMatch");
    const tooLong = presignedPath(now, 60).replace("x-oss-expires=60", "x-oss-expires=604801");
    const res = await rawRequest(emu.endpoint, { method: "GET", path: tooLong });
    expect(res.status).toBe(400);
    expect(errorOf(res).EC).toBe("0002-00000232");
  });
});
