import { describe, expect, it } from "vitest";
import { resolveOptions } from "./config.ts";
import { fromEnv, refreshingCredentials, resolveCredentials } from "./credentials.ts";
import { requestUrl, resolveEndpoint } from "./endpoint.ts";

const credentials = { accessKeyId: "id", accessKeySecret: "secret" };

describe("resolveEndpoint and requestUrl", () => {
  it.each([
    [
      "http://127.0.0.1:9000",
      undefined,
      "http://127.0.0.1:9000/b/photos/cat%201.jpg?x-oss-process=style%2Fsmall",
    ],
    [
      "http://localhost:9000",
      undefined,
      "http://localhost:9000/b/photos/cat%201.jpg?x-oss-process=style%2Fsmall",
    ],
    ["http://[::1]:9000", undefined, "http://[::1]:9000/b/photos/cat%201.jpg?x-oss-process=style%2Fsmall"],
    [
      undefined,
      undefined,
      "https://b.oss-cn-hangzhou.aliyuncs.com/photos/cat%201.jpg?x-oss-process=style%2Fsmall",
    ],
    [
      "oss-cn-hangzhou-internal.aliyuncs.com",
      undefined,
      "https://b.oss-cn-hangzhou-internal.aliyuncs.com/photos/cat%201.jpg?x-oss-process=style%2Fsmall",
    ],
    [
      "http://localhost:9000",
      "virtual-hosted",
      "http://b.localhost:9000/photos/cat%201.jpg?x-oss-process=style%2Fsmall",
    ],
    [
      "https://img.example.com",
      "cname",
      "https://img.example.com/photos/cat%201.jpg?x-oss-process=style%2Fsmall",
    ],
  ] as const)("%s (%s)", (endpoint, addressing, url) => {
    const ep = resolveEndpoint(endpoint, "oss-cn-hangzhou", addressing);
    expect(requestUrl(ep, "b", "photos/cat 1.jpg", [["x-oss-process", "style/small"]])).toBe(url);
  });

  it("writes bucket-level requests with a trailing slash and a bare sub-resource", () => {
    expect(requestUrl(resolveEndpoint("http://127.0.0.1:1", "r"), "b", undefined, [["style", ""]])).toBe(
      "http://127.0.0.1:1/b/?style",
    );
  });

  it.each([
    ["ftp://x", /http or https/],
    ["http://h/path", /scheme:\/\/host/],
    ["http://h?x=1", /scheme:\/\/host/],
    ["http://", /not a URL/],
  ])("refuses endpoint %s", (endpoint, message) => {
    expect(() => resolveEndpoint(endpoint, "r")).toThrow(message);
  });
});

describe("resolveOptions", () => {
  it("fills the defaults", () => {
    const o = resolveOptions({ region: "cn-hangzhou", credentials });
    expect(o).toMatchObject({
      retry: { maxAttempts: 3, baseDelayMs: 200, maxBackoffMs: 20_000 },
      timeoutMs: 30_000,
      rate: { requestsPerSecond: 100 },
    });
  });

  it("signs for the region ID when given the oss- form (the contract's one region rule)", () => {
    const o = resolveOptions({ region: "oss-cn-hangzhou", credentials });
    expect(o.region).toBe("cn-hangzhou");
    expect(o.endpoint.host).toBe("oss-cn-hangzhou.aliyuncs.com");
  });

  it.each([
    [{ region: "" }, /`region`/],
    [{ region: "cn hangzhou" }, /`region`/],
    [{ timeoutMs: 0 }, /`timeoutMs`/],
    [{ retry: { maxAttempts: 0 } }, /`retry.maxAttempts`/],
    [{ rateLimit: { requestsPerSecond: -1 } }, /`rateLimit.requestsPerSecond`/],
    [{ credentials: undefined }, /`credentials`/],
  ])("names the bad field in %j", (patch, message) => {
    expect(() => resolveOptions({ region: "cn-hangzhou", credentials, ...patch } as never)).toThrow(message);
  });

  it("retry: false means one attempt; rateLimit: false means none", () => {
    const o = resolveOptions({ region: "r", credentials, retry: false, rateLimit: false });
    expect(o.retry.maxAttempts).toBe(1);
    expect(o.rate).toBeUndefined();
  });
});

describe("credentials", () => {
  it("reads the three variables from the env object given", () => {
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "id",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sec",
      ALIBABA_CLOUD_SECURITY_TOKEN: "tok",
    };
    expect(fromEnv(env)).toEqual({ accessKeyId: "id", accessKeySecret: "sec", securityToken: "tok" });
    expect(fromEnv({ ...env, ALIBABA_CLOUD_SECURITY_TOKEN: "" }).securityToken).toBeUndefined();
  });

  it("names missing variables without values", () => {
    expect(() => fromEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "visible-id" })).toThrow(
      /missing environment variable\(s\): ALIBABA_CLOUD_ACCESS_KEY_SECRET$/,
    );
  });

  it("refreshes STS credentials near expiry, sharing one refresh", async () => {
    let now = 0;
    let loads = 0;
    const provider = refreshingCredentials(
      async () => {
        loads++;
        return {
          accessKeyId: `id${loads}`,
          accessKeySecret: "s",
          securityToken: "t",
          expiration: new Date(now + 3_600_000),
        };
      },
      { now: () => now },
    );
    const [a, b] = await Promise.all([provider(), provider()]);
    expect([a.accessKeyId, b.accessKeyId, loads]).toEqual(["id1", "id1", 1]);
    now += 3_600_000 - 299_000; // inside the 5-minute margin
    expect((await provider()).accessKeyId).toBe("id2");
  });

  it("turns a failing provider into a typed error that does not quote it", async () => {
    const failing = () => {
      throw new Error("secret=hunter2");
    };
    await expect(resolveCredentials(failing)).rejects.toMatchObject({
      kind: "credentials",
      message: expect.not.stringContaining("hunter2"),
    });
  });
});
