import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseXml } from "../http/xml.ts";
import {
  errorOf,
  type RawResponse,
  signedRequest,
  startTestEmulator,
  type TestEmulator,
} from "../testing/raw.ts";

// Several regions on one address (oss-logging-buckets.md §4–§7): ListBuckets, GetBucketInfo,
// GetBucketLocation, the wrong-endpoint and wrong-region refusals, and the delimiter settings.

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({
    region: "cn-hangzhou",
    buckets: [
      "photos",
      "shop-a@cn-shanghai",
      "shop-b@eu-central-1",
      { name: "shop-c", region: "cn-shanghai" },
    ],
  });
});
afterAll(() => emu.dispose());

const xml = (res: RawResponse): Record<string, unknown> => {
  const doc = parseXml(res.text);
  if (!doc) throw new Error(`not XML (${res.status}): ${res.text.slice(0, 200)}`);
  return doc;
};
const names = (res: RawResponse): string[] => {
  const root = xml(res).ListAllMyBucketsResult as { Buckets?: { Bucket?: unknown } };
  const list = root.Buckets?.Bucket;
  const arr = Array.isArray(list) ? list : list ? [list] : [];
  return arr.map((b) => (b as { Name: string }).Name);
};
const listBuckets = (query: Array<[string, string]> = [], region = "cn-hangzhou") =>
  signedRequest(emu.endpoint, { method: "GET", query, region });

describe("ListBuckets", () => {
  it("lists every bucket of every region by name, with region and endpoints, no paging elements when complete", async () => {
    const res = await listBuckets();
    expect(res.status, res.text).toBe(200);
    expect(names(res)).toEqual(["photos", "shop-a", "shop-b", "shop-c"]);
    const root = xml(res).ListAllMyBucketsResult as Record<string, unknown>;
    expect(root.IsTruncated).toBeUndefined();
    const buckets = (root.Buckets as { Bucket: Array<Record<string, string>> }).Bucket;
    expect(buckets[2]).toMatchObject({
      Name: "shop-b",
      Region: "eu-central-1",
      Location: "oss-eu-central-1",
      ExtranetEndpoint: "oss-eu-central-1.aliyuncs.com",
      IntranetEndpoint: "oss-eu-central-1-internal.aliyuncs.com",
      StorageClass: "Standard",
    });
    expect(buckets[0]?.CreationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("pages with max-keys and marker, and filters by prefix", async () => {
    const first = await listBuckets([["max-keys", "2"]]);
    expect(names(first)).toEqual(["photos", "shop-a"]);
    const root = xml(first).ListAllMyBucketsResult as Record<string, unknown>;
    expect(root).toMatchObject({ IsTruncated: "true", NextMarker: "shop-a", MaxKeys: "2" });
    const second = await listBuckets([
      ["marker", "shop-a"],
      ["max-keys", "2"],
    ]);
    expect(names(second)).toEqual(["shop-b", "shop-c"]);
    expect((xml(second).ListAllMyBucketsResult as Record<string, unknown>).IsTruncated).toBe("false");
    expect(names(await listBuckets([["prefix", "shop-"]]))).toEqual(["shop-a", "shop-b", "shop-c"]);
    expect(names(await listBuckets([["prefix", "zzz"]]))).toEqual([]);
  });

  it("may be signed for any served region on a bare address, and refuses others with EC 0002-00000226", async () => {
    expect((await listBuckets([], "eu-central-1")).status).toBe(200);
    const bad = await listBuckets([], "us-west-1");
    expect(bad.status).toBe(400);
    expect(errorOf(bad)).toMatchObject({ Code: "InvalidArgument", EC: "0002-00000226" });
  });

  it("refuses a bad max-keys and an invalid resource group", async () => {
    const bad = await listBuckets([["max-keys", "0"]]);
    expect(bad.status).toBe(400);
    expect(errorOf(bad).Message).toContain("max-keys");
    const rg = await signedRequest(emu.endpoint, {
      method: "GET",
      headers: { "x-oss-resource-group-id": "group-1" },
    });
    expect(errorOf(rg)).toMatchObject({ Code: "InvalidArgument", EC: "0017-00000138" });
  });
});

describe("GetBucketInfo and GetBucketLocation", () => {
  it("answer the bucket's region", async () => {
    const info = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "shop-b",
      query: [["bucketInfo", ""]],
      region: "eu-central-1",
    });
    expect(info.status, info.text).toBe(200);
    const bucket = (xml(info).BucketInfo as { Bucket: Record<string, unknown> }).Bucket;
    expect(bucket).toMatchObject({
      Name: "shop-b",
      Location: "oss-eu-central-1",
      ExtranetEndpoint: "oss-eu-central-1.aliyuncs.com",
      AccessControlList: { Grant: "private" },
    });
    // v2 SDKs send a valueless `location`, oss2 sends `location=` (§5.2).
    for (const wire of ["/shop-a/?location", "/shop-a/?location="]) {
      const loc = await signedRequest(emu.endpoint, {
        method: "GET",
        bucket: "shop-a",
        query: [["location", ""]],
        region: "cn-shanghai",
        tamper: (r) => {
          r.path = wire;
        },
      });
      expect(loc.status, loc.text).toBe(200);
      expect(loc.text).toContain("<LocationConstraint>oss-cn-shanghai</LocationConstraint>");
    }
    const missing = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "nope-bucket",
      query: [["bucketInfo", ""]],
    });
    expect(errorOf(missing)).toMatchObject({ Code: "NoSuchBucket", EC: "0015-00000101" });
  });
});

describe("wrong region and wrong endpoint", () => {
  it("refuses a request signed for another region than the bucket's (EC 0002-00000228)", async () => {
    const res = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "shop-b",
      query: [["style", ""]],
      region: "cn-hangzhou",
    });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toMatchObject({ Code: "SignatureDoesNotMatch", EC: "0002-00000228" });
  });

  it("refuses a bucket addressed through another region's endpoint, naming the right one", async () => {
    const res = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "shop-b",
      query: [["style", ""]],
      region: "eu-central-1",
      headers: { Host: "shop-b.oss-cn-hangzhou-internal.aliyuncs.com" },
      tamper: (r) => {
        r.path = "/?style";
      },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toMatchObject({
      Code: "AccessDenied",
      Bucket: "shop-b",
      Endpoint: "oss-eu-central-1-internal.aliyuncs.com",
      HostId: "shop-b.oss-cn-hangzhou-internal.aliyuncs.com",
    });
  });

  it("routes a virtual-hosted OSS Host sent to an IP address, in the Host's region", async () => {
    const res = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "shop-a",
      query: [["style", ""]],
      region: "cn-shanghai",
      headers: { Host: "shop-a.oss-cn-shanghai.aliyuncs.com" },
      tamper: (r) => {
        r.path = "/?style";
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.text).toContain("<StyleList");
  });
});

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWM4ISeHFTEMpAQAaYgwwXposYcAAAAASUVORK5CYII=",
  "base64",
);

describe("image-processing configuration and style delimiters", () => {
  const config = (method: "GET" | "PUT", body?: string) =>
    signedRequest(emu.endpoint, {
      method,
      bucket: "photos",
      query: [["processConfiguration", ""]],
      body,
    });

  it("starts with no delimiters, stores them in the server's order, and refuses unknown values", async () => {
    const initial = xml(await config("GET")).BucketProcessConfiguration as Record<string, unknown>;
    expect(initial).toMatchObject({ CompliedHost: "Both", StyleDelimiters: "", Version: "2" });
    const put = await config(
      "PUT",
      "<BucketProcessConfiguration><CompliedHost>Both</CompliedHost><StyleDelimiters>!,-</StyleDelimiters></BucketProcessConfiguration>",
    );
    expect(put.status, put.text).toBe(200);
    const after = xml(await config("GET")).BucketProcessConfiguration as Record<string, unknown>;
    expect(after.StyleDelimiters).toBe("-,!");
    const bad = await config(
      "PUT",
      "<BucketProcessConfiguration><StyleDelimiters>#</StyleDelimiters></BucketProcessConfiguration>",
    );
    expect(bad.status).toBe(400);
    expect(errorOf(bad)).toMatchObject({ Code: "InvalidArgument", ArgumentName: "StyleDelimiters" });
    const host = await config(
      "PUT",
      "<BucketProcessConfiguration><CompliedHost>Cdn</CompliedHost></BucketProcessConfiguration>",
    );
    expect(errorOf(host).ArgumentName).toBe("CompliedHost");
  });

  it("serves <key>!<style> and <key>-<style> as the style, the plain key as the object", async () => {
    await signedRequest(emu.endpoint, { method: "PUT", bucket: "photos", key: "a-b.png", body: png });
    await signedRequest(emu.endpoint, {
      method: "PUT",
      bucket: "photos",
      query: [
        ["style", ""],
        ["styleName", "tiny"],
      ],
      body: "<Style><Content>image/resize,w_2/format,jpg</Content></Style>",
    });
    for (const key of ["a-b.png!tiny", "a-b.png-tiny"]) {
      const res = await signedRequest(emu.endpoint, { method: "GET", bucket: "photos", key });
      expect(res.status, `${key}: ${res.text.slice(0, 200)}`).toBe(200);
      expect(res.headers["content-type"]).toBe("image/jpeg");
    }
    const plain = await signedRequest(emu.endpoint, { method: "GET", bucket: "photos", key: "a-b.png" });
    expect(plain.body.equals(png)).toBe(true);
    const unknown = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "photos",
      key: "a-b.png!nope",
    });
    expect(errorOf(unknown).Code).toBe("NoSuchStyle");
    // `_` is not active: the key is simply absent.
    const inactive = await signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "photos",
      key: "a-b.png_tiny",
    });
    expect(errorOf(inactive).Code).toBe("NoSuchKey");
  });
});
