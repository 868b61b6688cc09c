/**
 * The bucket calls of the fleet (ListBuckets, GetBucketInfo, GetBucketLocation) and the wrong-region
 * refusal, written once and run against the emulator and, with credentials, real OSS
 * (oss-logging-buckets.md §4–§6). Read-only: nothing is created or deleted.
 */
import { createOssClient } from "@style-console/oss";
import { describe, expect, it } from "vitest";
import { clientFor, type Target } from "./harness.ts";
import { ossErrorOf } from "./suite.ts";

/** A region that is surely not the target's, for the refusal tests. */
function otherRegion(region: string): string {
  return region === "cn-shanghai" ? "cn-beijing" : "cn-shanghai";
}

export function defineBucketContract(target: () => Target): void {
  describe("buckets", () => {
    it("ListBuckets lists the bucket with its region and endpoints, and filters by prefix", async () => {
      const t = target();
      const oss = clientFor(t);
      const all = await oss.listAllBuckets();
      const mine = all.find((b) => b.name === t.bucket);
      expect(mine).toMatchObject({
        region: t.region,
        location: `oss-${t.region}`,
        extranetEndpoint: `oss-${t.region}.aliyuncs.com`,
        intranetEndpoint: `oss-${t.region}-internal.aliyuncs.com`,
      });
      expect(mine?.creationDate).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(all.map((b) => b.name)).toEqual([...all.map((b) => b.name)].sort());
      const byPrefix = await oss.listBuckets({ prefix: t.bucket });
      expect(byPrefix.buckets.map((b) => b.name)).toContain(t.bucket);
      expect(byPrefix.buckets.every((b) => b.name.startsWith(t.bucket))).toBe(true);
    });

    it("ListBuckets pages with max-keys and marker without losing or repeating a bucket", async () => {
      const oss = clientFor(target());
      const all = (await oss.listAllBuckets()).map((b) => b.name);
      const paged: string[] = [];
      let marker: string | undefined;
      for (let i = 0; i < all.length + 1; i++) {
        const page = await oss.listBuckets({ maxKeys: 1, marker });
        paged.push(...page.buckets.map((b) => b.name));
        expect(page.buckets.length).toBeLessThanOrEqual(1);
        if (!page.isTruncated) break;
        marker = page.nextMarker;
      }
      expect(paged).toEqual(all);
    });

    it("GetBucketInfo and GetBucketLocation answer the bucket's region", async () => {
      const t = target();
      const oss = clientFor(t);
      expect(await oss.getBucketInfo()).toMatchObject({ name: t.bucket, region: t.region });
      expect(await oss.getBucketLocation()).toBe(t.region);
    });

    it("a request signed for another region is refused, typed and not retried", async () => {
      const t = target();
      const wrong = createOssClient({
        region: otherRegion(t.region),
        // The bucket's own endpoint, so only the signature's region is wrong.
        endpoint: t.endpoint ?? `https://oss-${t.region}.aliyuncs.com`,
        bucket: t.bucket,
        credentials: t.credentials,
        timeoutMs: 10_000,
      });
      const e = await ossErrorOf(wrong.listStyles());
      expect(e.attempts).toBe(1);
      expect([400, 403]).toContain(e.status);
      // OSS sends 0002-00000226 (scope ≠ Host region) or 0002-00000228 (scope ≠ bucket region), §6.2.
      expect(["0002-00000226", "0002-00000228"]).toContain(e.ec);
      if (t.emulated)
        expect(e).toMatchObject({ status: 403, code: "SignatureDoesNotMatch", ec: "0002-00000228" });
    });

    it("a bucket addressed through another region's endpoint is refused with the endpoint to use", async () => {
      const t = target();
      // Real OSS only: fetch cannot set Host, and the emulator serves every region on one address
      // (its own tests send that Host: packages/oss-emulator/src/buckets/buckets.test.ts).
      if (t.emulated) return;
      const other = otherRegion(t.region);
      const wrong = createOssClient({
        region: other,
        endpoint: `https://oss-${other}.aliyuncs.com`,
        bucket: t.bucket,
        credentials: t.credentials,
        timeoutMs: 10_000,
      });
      const e = await ossErrorOf(wrong.listStyles());
      expect(e.status).toBe(403);
      expect(["AccessDenied", "PermanentRedirect"]).toContain(e.code);
    });
  });
}
