import { describe, expect, it } from "vitest";
import { createOssClient } from "./index.ts";

// Where a request for a bucket of another region goes and which region signs it. A recording fetch
// (no network): what is under test is the URL and the scope the client chooses, before any server.

function recorder() {
  const seen: Array<{ url: string; authorization: string }> = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    seen.push({ url: String(url), authorization: headers.get("authorization") ?? "" });
    return new Response("<StyleList/>", { status: 200 });
  }) as typeof globalThis.fetch;
  return { seen, fetch };
}

const credentials = { accessKeyId: "ak", accessKeySecret: "sk" };
const regions = new Map([["shop-eu", "eu-central-1"]]);

describe("per-bucket regions", () => {
  it("without an endpoint, sends each bucket to its region's endpoint, signed for that region", async () => {
    const { seen, fetch } = recorder();
    const oss = createOssClient({
      region: "cn-hangzhou",
      credentials,
      fetch,
      bucketRegion: (b) => regions.get(b),
    });
    await oss.listStyles({ bucket: "shop-eu" });
    await oss.listStyles({ bucket: "photos" });
    expect(seen[0]?.url).toBe("https://shop-eu.oss-eu-central-1.aliyuncs.com/?style");
    expect(seen[0]?.authorization).toContain("/eu-central-1/oss/aliyun_v4_request");
    expect(seen[1]?.url).toBe("https://photos.oss-cn-hangzhou.aliyuncs.com/?style");
    expect(seen[1]?.authorization).toContain("/cn-hangzhou/oss/aliyun_v4_request");
  });

  it("with an endpoint (internal, the emulator), sends everything there, still signed per bucket", async () => {
    const { seen, fetch } = recorder();
    const oss = createOssClient({
      region: "cn-hangzhou",
      endpoint: "https://oss-cn-hangzhou-internal.aliyuncs.com",
      credentials,
      fetch,
      bucketRegion: (b) => regions.get(b),
    });
    await oss.listStyles({ bucket: "shop-eu" });
    expect(seen[0]?.url).toBe("https://shop-eu.oss-cn-hangzhou-internal.aliyuncs.com/?style");
    expect(seen[0]?.authorization).toContain("/eu-central-1/oss/aliyun_v4_request");
  });

  it("sends ListBuckets to the client's own region, without a bucket", async () => {
    const { seen, fetch } = recorder();
    const oss = createOssClient({ region: "ap-southeast-1", credentials, fetch });
    await oss.listBuckets({ prefix: "shop-" }).catch(() => undefined);
    expect(seen[0]?.url).toBe("https://oss-ap-southeast-1.aliyuncs.com/?prefix=shop-");
    expect(seen[0]?.authorization).toContain("/ap-southeast-1/oss/aliyun_v4_request");
  });
});
