/** The object half of the contract: put/head/get/list and presigned GETs. */
import { afterAll, describe, expect, it } from "vitest";
import { clientFor, type Target, uniqueName } from "./harness.ts";
import { ossErrorOf } from "./suite.ts";

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256);

export function defineObjectContract(target: () => Target): void {
  const prefix = `${uniqueName("obj")}/`;
  const client = () => clientFor(target());
  afterAll(async () => {
    const oss = client();
    let token: string | undefined;
    do {
      const page = await oss.listObjects({ prefix, continuationToken: token });
      for (const o of page.objects) await oss.deleteObject(o.key);
      token = page.nextContinuationToken;
    } while (token);
  });

  describe("objects", () => {
    it("puts, heads and streams an object back byte for byte", async () => {
      const oss = client();
      const key = `${prefix}photos/cat 1+é.bin`;
      const data = bytes(70_000, 7);
      const put = await oss.putObject(key, data, {
        contentType: "application/x-test",
        metadata: { origin: "contract" },
      });
      expect(put.etag).toMatch(/\S/);
      const head = await oss.headObject(key);
      expect(head).toMatchObject({
        contentLength: data.length,
        contentType: "application/x-test",
        metadata: { origin: "contract" },
      });
      const got = await oss.getObject(key);
      expect(new Uint8Array(await new Response(got.body).arrayBuffer())).toEqual(data);
    });

    it("deletes an object (also when absent), after which HEAD is 404", async () => {
      const oss = client();
      const key = `${prefix}delete/me.txt`;
      await oss.putObject(key, "bye");
      await oss.deleteObject(key);
      await oss.deleteObject(key);
      expect(await ossErrorOf(oss.headObject(key))).toMatchObject({ status: 404, code: "NoSuchKey" });
    });

    it("a missing key is 404 NoSuchKey on HEAD and GET", async () => {
      const oss = client();
      expect(await ossErrorOf(oss.headObject(`${prefix}missing`))).toMatchObject({
        status: 404,
        code: "NoSuchKey",
      });
      expect(await ossErrorOf(oss.getObject(`${prefix}missing`))).toMatchObject({
        status: 404,
        code: "NoSuchKey",
      });
    });

    it("lists by prefix across continuation pages, with common prefixes", async () => {
      const oss = client();
      const keys = ["a/1", "a/2", "b", "c", "d", "e"].map((k) => `${prefix}list/${k}`);
      for (const k of keys) await oss.putObject(k, k);
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await oss.listObjects({
          prefix: `${prefix}list/`,
          maxKeys: 2,
          continuationToken: token,
        });
        seen.push(...page.objects.map((o) => o.key));
        token = page.nextContinuationToken;
        pages++;
      } while (token && pages < 10);
      expect(seen).toEqual(keys);
      expect(pages).toBe(3);
      const grouped = await oss.listObjects({ prefix: `${prefix}list/`, delimiter: "/" });
      expect(grouped.commonPrefixes).toEqual([`${prefix}list/a/`]);
      expect(grouped.objects.map((o) => o.key)).toEqual(keys.slice(2));
    });

    it("lists keys that look encoded or hold characters XML 1.0 cannot carry, exactly (encoding-type=url)", async () => {
      const oss = client();
      const keys = ["a b+c.txt", "ctl\u0001.txt", "x%2Fy.txt", "图.txt"].map((k) => `${prefix}enc/${k}`);
      for (const k of keys) await oss.putObject(k, "1");
      const page = await oss.listObjects({ prefix: `${prefix}enc/` });
      expect(page.objects.map((o) => o.key)).toEqual(keys);
      const grouped = await oss.listObjects({ prefix: `${prefix}enc/`, delimiter: "+" });
      expect(grouped.commonPrefixes).toEqual([`${prefix}enc/a b+`]);
    });
  });

  describe("presigned GET", () => {
    it("carries response-content-disposition with a UTF-8 filename", async () => {
      const oss = client();
      const key = `${prefix}presign/icon.jpg`;
      await oss.putObject(key, "x", { contentType: "image/jpeg" });
      const disposition = 'attachment; filename="图标.jpg"';
      const res = await fetch(await oss.presignGetObject(key, { responseContentDisposition: disposition }));
      expect(res.status).toBe(200);
      // fetch exposes header bytes as Latin-1 characters.
      const header = res.headers.get("content-disposition") ?? "";
      expect(Buffer.from(header, "latin1").toString("utf8")).toBe(disposition);
    });

    it("is fetchable without credentials; a changed signature byte is refused", async () => {
      const oss = client();
      const key = `${prefix}presign/a b.txt`;
      await oss.putObject(key, "hello presign", { contentType: "text/plain" });
      const url = await oss.presignGetObject(key, { expiresSeconds: 60 });
      const ok = await fetch(url);
      expect([ok.status, await ok.text()]).toEqual([200, "hello presign"]);
      const last = url.at(-1) === "0" ? "1" : "0";
      const tampered = await fetch(url.slice(0, -1) + last);
      expect(tampered.status).toBe(403);
      expect(await tampered.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
    });

    it("an expired URL is 403 AccessDenied", async () => {
      const key = `${prefix}presign/expired.txt`;
      await client().putObject(key, "x");
      const past = clientFor(target(), { runtime: { now: () => Date.now() - 3_600_000 } });
      const res = await fetch(await past.presignGetObject(key, { expiresSeconds: 60 }));
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/<Code>AccessDenied<\/Code>[\s\S]*expired/);
    });

    it("signs x-oss-process into the URL (rendered, or 501 where the renderer is unavailable)", async () => {
      const key = `${prefix}presign/img.bin`;
      await client().putObject(key, bytes(10, 1));
      const res = await fetch(await client().presignGetObject(key, { process: "image/resize,w_10" }));
      const body = await res.text();
      expect(body).not.toContain("SignatureDoesNotMatch");
      expect([200, 400, 501]).toContain(res.status);
    });
  });
}
