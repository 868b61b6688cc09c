import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { signRequest } from "@style-console/oss/signer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  errorOf,
  rawRequest,
  signedRequest,
  startTestEmulator,
  type TestEmulator,
  testCredentials,
} from "../testing/raw.ts";

// Objects over loopback HTTP: PutObject, GetObject (ranges, conditional, x-oss-process), HeadObject,
// DeleteObject, on both addressing styles.

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ buckets: ["photos"] });
});
afterAll(() => emu.dispose());

// An 8×6 red PNG made with sharp, inlined so the test needs no fixture file.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWM4ISeHFTEMpAQAaYgwwXposYcAAAAASUVORK5CYII=",
  "base64",
);
const md5Hex = (b: Uint8Array): string => createHash("md5").update(b).digest("hex").toUpperCase();

const put = (key: string, body: Uint8Array | string, headers: Record<string, string> = {}) =>
  signedRequest(emu.endpoint, { method: "PUT", bucket: "photos", key, body, headers });
const get = (
  key: string,
  extra: { query?: Array<[string, string]>; headers?: Record<string, string>; method?: string } = {},
) =>
  signedRequest(emu.endpoint, {
    method: extra.method ?? "GET",
    bucket: "photos",
    key,
    query: extra.query,
    headers: extra.headers,
  });

describe("object round trips", () => {
  it("stores bytes and serves them back with ETag, Content-Type, Last-Modified and user metadata", async () => {
    const res = await put("img/red dot+1.png", png, { "x-oss-meta-author": "ann" });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${md5Hex(png)}"`);
    const got = await get("img/red dot+1.png");
    expect(got.status).toBe(200);
    expect(got.body.equals(png)).toBe(true);
    expect(got.headers).toMatchObject({
      "content-type": "image/png",
      "content-length": String(png.length),
      etag: `"${md5Hex(png)}"`,
      "x-oss-meta-author": "ann",
    });
    expect(Date.parse(String(got.headers["last-modified"]))).toBeGreaterThan(Date.now() - 60_000);
  });

  it("answers HEAD with the headers and no body, ranges with 206, a matching If-None-Match with 304", async () => {
    await put("text.txt", "0123456789", { "Content-Type": "text/plain" });
    const head = await get("text.txt", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe("10");
    expect(head.body.length).toBe(0);
    const range = await get("text.txt", { headers: { Range: "bytes=2-4" } });
    expect(range.status).toBe(206);
    expect(range.text).toBe("234");
    expect(range.headers["content-range"]).toBe("bytes 2-4/10");
    const cached = await get("text.txt", { headers: { "If-None-Match": String(head.headers.etag) } });
    expect(cached.status).toBe(304);
  });

  it("overwrites, deletes with 204 (also when absent), then answers NoSuchKey", async () => {
    await put("tmp.bin", "one");
    await put("tmp.bin", "two");
    expect((await get("tmp.bin")).text).toBe("two");
    expect(
      (await signedRequest(emu.endpoint, { method: "DELETE", bucket: "photos", key: "tmp.bin" })).status,
    ).toBe(204);
    expect(
      (await signedRequest(emu.endpoint, { method: "DELETE", bucket: "photos", key: "tmp.bin" })).status,
    ).toBe(204);
    const missing = await get("tmp.bin");
    expect(missing.status).toBe(404);
    expect(errorOf(missing)).toMatchObject({ Code: "NoSuchKey", Key: "tmp.bin" });
  });

  it("stores an empty object", async () => {
    expect((await put("empty.txt", "")).status).toBe(200);
    const got = await get("empty.txt");
    expect(got.status).toBe(200);
    expect(got.body.length).toBe(0);
  });

  it("refuses a body whose Content-MD5 does not match, and keeps nothing of it", async () => {
    const wrong = createHash("md5").update("else").digest("base64");
    const res = await put("bad-md5.txt", "payload", { "Content-MD5": wrong });
    expect(res.status).toBe(400);
    expect(errorOf(res).Code).toBe("BadDigest");
    expect((await get("bad-md5.txt")).status).toBe(404);
  });

  it("serves virtual-hosted requests (Host: <bucket>.localhost) like path-style ones", async () => {
    await put("vh.txt", "virtual");
    const res = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "photos",
      key: "vh.txt",
      tamper: (r) => {
        r.path = "/vh.txt";
        r.headers.Host = `photos.localhost:${emu.port}`;
      },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe("virtual");
  });

  it("refuses an unsigned GET of a private object", async () => {
    const res = await rawRequest(emu.endpoint, { method: "GET", path: "/photos/vh.txt" });
    expect(res.status).toBe(403);
  });
});

describe("x-oss-process", () => {
  it("renders image/… through the image-processing package", async () => {
    await put("red.png", png);
    const res = await get("red.png", { query: [["x-oss-process", "image/resize,w_4/format,jpg"]] });
    expect(res.status, res.text).toBe(200);
    expect(res.headers["content-type"]).toBe("image/jpeg");
    expect(res.body.subarray(0, 2).toString("hex")).toBe("ffd8");
  });

  it("renders style/<name> through the bucket's style, and answers NoSuchStyle for a missing one", async () => {
    await put("red.png", png);
    const body = "<Style><Content>image/resize,w_2/format,png</Content></Style>";
    const style = await signedRequest(emu.endpoint, {
      method: "PUT",
      bucket: "photos",
      query: [
        ["style", ""],
        ["styleName", "tiny"],
      ],
      body,
      headers: { "Content-Type": "application/xml" },
    });
    expect(style.status).toBe(200);
    const res = await get("red.png", { query: [["x-oss-process", "style/tiny"]] });
    expect(res.status, res.text).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.body.readUInt32BE(16)).toBe(2); // PNG IHDR width
    const missing = await get("red.png", { query: [["x-oss-process", "style/none"]] });
    expect(missing.status).toBe(404);
    expect(errorOf(missing).Code).toBe("NoSuchStyle");
  });

  it("passes the renderer's own errors through with their status and code", async () => {
    await put("not-an-image.png", "plain text");
    const res = await get("not-an-image.png", { query: [["x-oss-process", "image/resize,w_4"]] });
    expect(res.status).toBe(400);
    expect(errorOf(res).Code).toBe("BadRequest");
    const wrongPrefix = await get("red.png", { query: [["x-oss-process", "video/snapshot,t_1"]] });
    expect(wrongPrefix.status).toBe(400);
  });

  it("answers a style name with ; ( ) ' * ? with EC 0040-00000602, not NoSuchStyle", async () => {
    const res = await get("red.png", { query: [["x-oss-process", "style/small(1)"]] });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ Code: "InvalidArgument", EC: "0040-00000602" });
  });

  // The example request of the OSS page 0040-00000373 (nested watermark), replayed as it is written.
  it("answers the 0040-00000373 page's own example request with that EC", async () => {
    await put("example_image", png);
    const res = await get("example_image", {
      query: [
        [
          "x-oss-process",
          "image/watermark,image_cGFuZGEucG5nP3gtb3NzLXByb2Nlc3M9aW1hZ2Uvd2F0ZXJtYXJrLGltYWdlX2NHRnVaR0V1Y0c",
        ],
      ],
    });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ Code: "InvalidArgument", EC: "0040-00000373" });
    expect(res.headers["x-oss-ec"]).toBe("0040-00000373");
    const info = await get("example_image", {
      query: [["x-oss-process", "image/watermark,image_cGFuZGEucG5nP3gtb3NzLXByb2Nlc3M9aW1hZ2UvaW5mbw"]],
    });
    expect(errorOf(info).EC).toBe("0040-00000374");
  });

  it("refuses a GIF watermark image (EC 0040-00000027) and a missing one (EC 0040-00000025)", async () => {
    const gif = Buffer.from("R0lGODlhAQABAIAAAP8AAAAAACH5BAAAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");
    await put("logo.gif", gif);
    const b64 = (s: string) => Buffer.from(s).toString("base64url");
    const gifMark = await get("red.png", {
      query: [["x-oss-process", `image/watermark,image_${b64("logo.gif")}`]],
    });
    expect(gifMark.status).toBe(400);
    expect(errorOf(gifMark)).toMatchObject({ Code: "WatermarkError", EC: "0040-00000027" });
    const missing = await get("red.png", {
      query: [["x-oss-process", `image/watermark,image_${b64("none.png")}`]],
    });
    expect(errorOf(missing)).toMatchObject({ Code: "WatermarkError", EC: "0040-00000025" });
  });
});

describe("body limits", () => {
  let small: TestEmulator;
  beforeAll(async () => {
    small = await startTestEmulator({ buckets: ["photos"], maxObjectBytes: 1024 });
  });
  afterAll(() => small.dispose());

  it("refuses an object over the cap with EntityTooLarge and stores nothing", async () => {
    const res = await signedRequest(small.endpoint, {
      method: "PUT",
      bucket: "photos",
      key: "big.bin",
      body: Buffer.alloc(2048),
    });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ Code: "EntityTooLarge", MaxSizeAllowed: "1024" });
    const after = await signedRequest(small.endpoint, { method: "GET", bucket: "photos", key: "big.bin" });
    expect(after.status).toBe(404);
  });

  it("cuts off a chunked body (no Content-Length) as soon as it passes the cap", async () => {
    const res = await signedRequest(small.endpoint, {
      method: "PUT",
      bucket: "photos",
      key: "chunked.bin",
      body: Buffer.alloc(4096),
      tamper: (r) => {
        delete r.headers["Content-Length"];
        r.headers["Transfer-Encoding"] = "chunked";
      },
    });
    expect(res.status).toBe(400);
    expect(errorOf(res).Code).toBe("EntityTooLarge");
    expect(res.headers.connection).toBe("close");
  });

  it("drops an upload the client abandons halfway, keeps no temporary file, and keeps serving", async () => {
    const headers: Record<string, string> = { "Content-Length": "100000" };
    const signed = signRequest(
      { method: "PUT", bucket: "photos", key: "cut.bin", headers },
      { credentials: testCredentials, region: "cn-hangzhou", date: new Date() },
    );
    const url = new URL(small.endpoint);
    await new Promise<void>((resolve) => {
      const req = request({
        host: url.hostname,
        port: url.port,
        method: "PUT",
        path: "/photos/cut.bin",
        headers: { ...headers, ...signed.headers },
      });
      req.on("error", () => resolve());
      req.write(Buffer.alloc(500), () => {
        req.destroy();
        resolve();
      });
    });
    // The server notices the abort asynchronously; the temporary file must be gone once it has.
    await expect
      .poll(() => readdir(join(small.dataDir, "buckets", "photos", "objects")), { timeout: 5000 })
      .toEqual([]);
    const missing = await signedRequest(small.endpoint, { method: "GET", bucket: "photos", key: "cut.bin" });
    expect(missing.status).toBe(404);
  });
});
