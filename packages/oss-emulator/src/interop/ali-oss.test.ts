import { createHash } from "node:crypto";
import { Agent } from "node:http";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  errorOf,
  rawRequest,
  startTestEmulator,
  type TestEmulator,
  testCredentials,
} from "../testing/raw.ts";

// An independent client: the ali-oss npm package with its own V4 signer (ali-oss has no types here, so
// the few calls used are typed by hand).

interface AliObjectList {
  objects?: Array<{ name: string; size: number; etag: string }>;
}
interface AliClient {
  put(name: string, content: Buffer): Promise<{ res: { status: number } }>;
  get(name: string): Promise<{ content: Buffer; res: { status: number; headers: Record<string, string> } }>;
  head(name: string): Promise<{ status: number; res: { headers: Record<string, string> } }>;
  list(query: Record<string, unknown> | null, options?: object): Promise<AliObjectList>;
  listV2(query: Record<string, unknown> | null, options?: object): Promise<AliObjectList>;
  delete(name: string): Promise<{ res: { status: number } }>;
  signatureUrlV4(
    method: string,
    expires: number,
    request: object | undefined,
    objectName: string,
  ): Promise<string>;
}
interface SignUtils {
  authorizationV4(
    accessKeyId: string,
    accessKeySecret: string,
    region: string,
    method: string,
    request: { headers: Record<string, string>; queries: Record<string, string | null> },
    bucketName?: string,
    objectName?: string,
    additionalHeaders?: string[],
  ): string;
}

const require = createRequire(import.meta.url);
const OSS = require("ali-oss") as new (options: Record<string, unknown>) => AliClient;
const signUtils = require("ali-oss/lib/common/signUtils") as SignUtils;

let emu: TestEmulator;
let client: AliClient;
beforeAll(async () => {
  emu = await startTestEmulator({ buckets: ["photos"] });
  client = new OSS({
    region: "oss-cn-hangzhou", // ali-oss strips the oss- prefix for the V4 scope
    accessKeyId: testCredentials.accessKeyId,
    accessKeySecret: testCredentials.accessKeySecret,
    bucket: "photos",
    endpoint: emu.endpoint,
    sldEnable: true, // path-style: http://127.0.0.1:<port>/photos/<key>
    authorizationV4: true,
  });
});
afterAll(() => emu.dispose());

describe("ali-oss with authorizationV4 against the emulator", () => {
  it("puts, gets, heads, lists and deletes objects", async () => {
    const body = Buffer.from("ali-oss was here ✓");
    expect((await client.put("interop/a b+c.txt", body)).res.status).toBe(200);
    await client.put("interop/second.txt", Buffer.from("2"));
    const got = await client.get("interop/a b+c.txt");
    expect(got.content.equals(body)).toBe(true);
    const head = await client.head("interop/a b+c.txt");
    expect(head.res.headers.etag).toBe(`"${createHash("md5").update(body).digest("hex").toUpperCase()}"`);
    const v1 = await client.list({ prefix: "interop/", "max-keys": 10 });
    expect(v1.objects?.map((o) => o.name)).toEqual(["interop/a b+c.txt", "interop/second.txt"]);
    const v2 = await client.listV2({ prefix: "interop/", "max-keys": 1 });
    expect(v2.objects?.map((o) => o.name)).toEqual(["interop/a b+c.txt"]);
    expect((await client.delete("interop/a b+c.txt")).res.status).toBe(204);
    await expect(client.get("interop/a b+c.txt")).rejects.toMatchObject({ status: 404, code: "NoSuchKey" });
  });

  it("is refused with a wrong secret", async () => {
    const wrong = new OSS({
      region: "cn-hangzhou",
      accessKeyId: testCredentials.accessKeyId,
      accessKeySecret: "not-the-secret",
      bucket: "photos",
      endpoint: emu.endpoint,
      sldEnable: true,
      authorizationV4: true,
    });
    await expect(wrong.get("interop/second.txt")).rejects.toMatchObject({
      status: 403,
      code: "SignatureDoesNotMatch",
    });
  });
});

describe("ali-oss, virtual-hosted and presigned", () => {
  it("works virtual-hosted (photos.localhost, resolved to loopback by the agent) and through signatureUrlV4", async () => {
    // *.localhost does not resolve on every machine; the agent maps it to 127.0.0.1 and keeps the Host.
    const agent = new Agent({
      lookup: (_host, options, callback) => {
        const cb = callback as (
          e: null,
          a: string | Array<{ address: string; family: number }>,
          f?: number,
        ) => void;
        if ((options as { all?: boolean }).all) cb(null, [{ address: "127.0.0.1", family: 4 }]);
        else cb(null, "127.0.0.1", 4);
      },
    });
    const virtual = new OSS({
      region: "cn-hangzhou",
      accessKeyId: testCredentials.accessKeyId,
      accessKeySecret: testCredentials.accessKeySecret,
      bucket: "photos",
      endpoint: `http://localhost:${emu.port}`,
      authorizationV4: true,
      agent,
    });
    expect((await virtual.put("vh/ali.txt", Buffer.from("virtually"))).res.status).toBe(200);
    expect((await virtual.get("vh/ali.txt")).content.toString()).toBe("virtually");
    const url = new URL(await client.signatureUrlV4("GET", 60, undefined, "vh/ali.txt"));
    const res = await rawRequest(emu.endpoint, { method: "GET", path: url.pathname + url.search });
    expect(res.status, res.text).toBe(200);
    expect(res.text).toBe("virtually");
    agent.destroy();
  });
});

describe("a style call signed by ali-oss's signUtils.authorizationV4", () => {
  function putStyleRequest(name: string, content: string) {
    const body = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Style><Content>${content}</Content></Style>`,
    );
    const now = new Date();
    const headers: Record<string, string> = {
      "content-type": "application/xml",
      "content-md5": createHash("md5").update(body).digest("base64"),
      "x-oss-date": now
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, ""),
      "x-oss-content-sha256": "UNSIGNED-PAYLOAD",
    };
    // Valueless sub-resources as null: signUtils would sign '' as "style=" where OSS signs "style".
    const authorization = signUtils.authorizationV4(
      testCredentials.accessKeyId,
      testCredentials.accessKeySecret,
      "cn-hangzhou",
      "PUT",
      { headers, queries: { style: null, styleName: name } },
      "photos",
    );
    return { body, headers: { ...headers, Date: now.toUTCString(), Authorization: authorization } };
  }

  it("is accepted, and the style is stored", async () => {
    const req = putStyleRequest("from-ali", "image/resize,w_64");
    const res = await rawRequest(emu.endpoint, {
      method: "PUT",
      path: "/photos/?style&styleName=from-ali",
      ...req,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.headers["x-oss-request-id"]).toMatch(/^[0-9A-F]{24}$/);
    const now = new Date();
    const headers = {
      "x-oss-date": now
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, ""),
      "x-oss-content-sha256": "UNSIGNED-PAYLOAD",
    };
    const authorization = signUtils.authorizationV4(
      testCredentials.accessKeyId,
      testCredentials.accessKeySecret,
      "cn-hangzhou",
      "GET",
      { headers, queries: { style: null, styleName: "from-ali" } },
      "photos",
    );
    const got = await rawRequest(emu.endpoint, {
      method: "GET",
      path: "/photos/?style&styleName=from-ali",
      headers: { ...headers, Authorization: authorization },
    });
    expect(got.status, got.text).toBe(200);
    expect(got.text).toContain("<Content>image/resize,w_64</Content>");
  });

  it("is refused with one byte of the signature changed", async () => {
    const req = putStyleRequest("from-ali-2", "image/resize,w_64");
    const flipped = req.headers.Authorization.replace(/.$/, (c) => (c === "a" ? "b" : "a"));
    const res = await rawRequest(emu.endpoint, {
      method: "PUT",
      path: "/photos/?style&styleName=from-ali-2",
      body: req.body,
      headers: { ...req.headers, Authorization: flipped },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res).Code).toBe("SignatureDoesNotMatch");
  });
});
