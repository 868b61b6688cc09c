/**
 * The client contract, written once and run against every target (emulator; real OSS with credentials).
 * Each test creates its own uniquely named styles/objects and removes them, so a live bucket is safe.
 */
import { OssError } from "@style-console/oss";
import { afterAll, describe, expect, it } from "vitest";
import { clientFor, type Target, uniqueName } from "./harness.ts";

/** Resolves the rejection of `p` as an OssError, failing the test if it resolved or threw anything else. */
export async function ossErrorOf(p: Promise<unknown>): Promise<OssError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OssError);
  return error as OssError;
}

export function defineStyleContract(target: () => Target): void {
  const created = new Set<string>();
  const client = () => clientFor(target());
  const name = (label: string) => {
    const n = uniqueName(label);
    created.add(n);
    return n;
  };
  afterAll(async () => {
    for (const n of created)
      await client()
        .deleteStyle(n)
        .catch(() => {});
  });

  describe("styles", () => {
    it("lists a bucket's styles as an array (zero, one, several in creation order)", async () => {
      const oss = client();
      const mine = async () => (await oss.listStyles()).filter((s) => created.has(s.name));
      if (target().emulated) expect(await oss.listStyles()).toEqual([]);
      const [a, b, c] = [name("order-a"), name("order-b"), name("order-c")];
      await oss.putStyle(a, "image/resize,w_100");
      expect((await mine()).map((s) => s.name)).toEqual([a]);
      await oss.putStyle(b, "image/resize,w_200");
      await oss.putStyle(c, "image/resize,w_300");
      expect((await mine()).map((s) => [s.name, s.content])).toEqual([
        [a, "image/resize,w_100"],
        [b, "image/resize,w_200"],
        [c, "image/resize,w_300"],
      ]);
    });

    it.each([
      ["chained", "image/resize,p_63/quality,q_90"],
      ["XML specials and quotes", `image/watermark,text_<b>&"x"</b>/resize,w_10`],
      ["non-ASCII", "image/watermark,text_水印 é/resize,w_10"],
    ])("round-trips %s content exactly through put and get", async (_label, content) => {
      const oss = client();
      const n = name("content");
      await oss.putStyle(n, content);
      const got = await oss.getStyle(n);
      expect(got).toMatchObject({ name: n, content });
      expect(Number.isNaN(Date.parse(got.createTime ?? ""))).toBe(false);
    });

    it("stores the category and overwrites on a second put (upsert, no duplicate)", async () => {
      const oss = client();
      const n = name("upsert");
      await oss.putStyle(n, "image/resize,w_1", { category: "image" });
      await oss.putStyle(n, "image/resize,w_2", { category: "image" });
      expect(await oss.getStyle(n)).toMatchObject({ content: "image/resize,w_2", category: "image" });
      expect((await oss.listStyles()).filter((s) => s.name === n)).toHaveLength(1);
    });

    it("deletes (also when absent), after which GetStyle is 404 NoSuchStyle with a hint", async () => {
      const oss = client();
      const n = name("delete");
      await oss.putStyle(n, "image/resize,w_1");
      await oss.deleteStyle(n);
      await oss.deleteStyle(n);
      const e = await ossErrorOf(oss.getStyle(n));
      expect(e).toMatchObject({ kind: "service", status: 404, code: "NoSuchStyle", attempts: 1 });
      expect(e.requestId).toMatch(/\S/);
      expect(e.hint).toMatch(/no style has this name/);
    });

    it.each([
      ["a character outside the style-name alphabet", "bad name!"],
      ["64 characters", "x".repeat(64)],
    ])("refuses a name with %s: 400 InvalidArgument", async (_label, bad) => {
      const e = await ossErrorOf(client().putStyle(bad, "image/resize,w_1"));
      expect(e).toMatchObject({ status: 400, code: "InvalidArgument", attempts: 1 });
      expect(e.message).toContain("stylename");
    });

    it("refuses invalid content with BadRequest and does not retry it", async () => {
      const retries: string[] = [];
      const oss = clientFor(target(), { onRetry: ({ error }) => retries.push(error.code) });
      const e = await ossErrorOf(oss.putStyle(name("badcontent"), "image/resize,w_1;rm"));
      expect(e).toMatchObject({ status: 400, code: "BadRequest", attempts: 1 });
      expect(e.hint).toMatch(/content is invalid/);
      expect(retries).toEqual([]);
    });
  });

  describe("authentication", () => {
    it("a wrong secret is 403 SignatureDoesNotMatch with a hint, not retried, and the secret appears nowhere", async () => {
      const wrong = "wrong-secret-value-1234";
      const oss = clientFor(target(), { credentials: { ...target().credentials, accessKeySecret: wrong } });
      const e = await ossErrorOf(oss.listStyles());
      expect(e).toMatchObject({ status: 403, code: "SignatureDoesNotMatch", attempts: 1 });
      expect(e.hint).toMatch(/secret.*region/);
      const all = JSON.stringify(e.toJSON()) + String(e.stack);
      expect(all).not.toContain(wrong);
      expect(all).not.toContain(target().credentials.accessKeySecret);
    });

    it("a region other than the bucket's is refused with a hint about the region", async () => {
      const other = target().region === "cn-beijing" ? "cn-shanghai" : "cn-beijing";
      const oss = clientFor(target(), {
        region: other,
        endpoint: target().endpoint ?? `https://oss-${target().region}.aliyuncs.com`,
      });
      const e = await ossErrorOf(oss.listStyles());
      expect([400, 403]).toContain(e.status);
      expect(e.attempts).toBe(1);
      if (e.code === "SignatureDoesNotMatch") expect(e.hint).toMatch(/region/);
    });

    it("an unknown AccessKey ID is 403 InvalidAccessKeyId", async () => {
      const oss = clientFor(target(), { credentials: { accessKeyId: "LTAInobody", accessKeySecret: "x" } });
      expect(await ossErrorOf(oss.listStyles())).toMatchObject({ status: 403, code: "InvalidAccessKeyId" });
    });

    it("a clock 20 minutes fast is 403 RequestTimeTooSkewed; with retries the client corrects itself", async () => {
      const fast = { now: () => Date.now() + 20 * 60_000 };
      const once = clientFor(target(), { runtime: fast, retry: false });
      expect(await ossErrorOf(once.listStyles())).toMatchObject({
        status: 403,
        code: "RequestTimeTooSkewed",
      });
      const corrected = clientFor(target(), { runtime: fast });
      expect(Array.isArray(await corrected.listStyles())).toBe(true);
      expect(Math.abs(corrected.clockOffsetMs + 20 * 60_000)).toBeLessThan(5_000);
    });

    it("a wrong bucket is 404 NoSuchBucket with a hint", async () => {
      const e = await ossErrorOf(client().listStyles({ bucket: `nobucket-${Date.now().toString(36)}` }));
      expect(e).toMatchObject({ status: 404, code: "NoSuchBucket" });
      expect(e.hint).toMatch(/bucket name/);
    });
  });
}
