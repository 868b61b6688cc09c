import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator, testCredentials } from "../testing/raw.ts";

// Issue 14.2: ali-oss 6.23 with authorizationV4 and an IP endpoint (no sldEnable) sends virtual-hosted
// requests with `Host: <bucket>.oss-<region>.aliyuncs.com` to that IP, and `Host: .oss-<region>…` for
// ListBuckets. Before Host routing the emulator read the first path segment as the bucket: 404
// NoSuchBucket. Also the bucket calls the fleet uses, in a second region.

interface AliBucket {
  name: string;
  region: string;
}
interface AliClient {
  put(name: string, content: Buffer): Promise<{ res: { status: number } }>;
  get(name: string): Promise<{ content: Buffer }>;
  listBuckets(query?: Record<string, unknown> | null): Promise<{ buckets: AliBucket[] | null }>;
  getBucketInfo(name?: string): Promise<{ bucket: { Name: string; Location: string } }>;
  getBucketLocation(name?: string): Promise<{ location: string }>;
}

const require = createRequire(import.meta.url);
const OSS = require("ali-oss") as new (options: Record<string, unknown>) => AliClient;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ buckets: ["photos", "shop-sh@cn-shanghai"] });
});
afterAll(() => emu.dispose());

const client = (bucket: string, region: string): AliClient =>
  new OSS({
    region: `oss-${region}`,
    accessKeyId: testCredentials.accessKeyId,
    accessKeySecret: testCredentials.accessKeySecret,
    bucket,
    endpoint: emu.endpoint,
    authorizationV4: true,
  });

describe("ali-oss, authorizationV4, IP endpoint, virtual-hosted Host", () => {
  it("puts and gets an object in a bucket of another region", async () => {
    const sh = client("shop-sh", "cn-shanghai");
    const body = Buffer.from("routed by Host");
    expect((await sh.put("dir/a.txt", body)).res.status).toBe(200);
    expect((await sh.get("dir/a.txt")).content.equals(body)).toBe(true);
  });

  it("lists buckets, and reads a bucket's info and location", async () => {
    const sh = client("shop-sh", "cn-shanghai");
    const listed = await sh.listBuckets();
    expect(listed.buckets?.map((b) => [b.name, b.region])).toEqual([
      // ali-oss reports `Location` (`oss-` prefixed) as the region.
      ["photos", "oss-cn-hangzhou"],
      ["shop-sh", "oss-cn-shanghai"],
    ]);
    expect((await sh.getBucketInfo("shop-sh")).bucket).toMatchObject({
      Name: "shop-sh",
      Location: "oss-cn-shanghai",
    });
    expect((await sh.getBucketLocation("shop-sh")).location).toBe("oss-cn-shanghai");
  });

  it("gets OSS's wrong-endpoint refusal when configured for another region", async () => {
    const wrong = client("shop-sh", "cn-hangzhou");
    await expect(wrong.get("dir/a.txt")).rejects.toMatchObject({ status: 403, code: "AccessDenied" });
  });
});
