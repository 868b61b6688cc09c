import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.ts";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

const cloud = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: "TESTAK5tExampleId",
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: "example-secret-value",
  OSS_REGION: "cn-hangzhou",
  OSS_BUCKETS: "photos, avatars",
};

describe("parseEnv", () => {
  it("defaults to loopback, port 8787 and the embedded default", () => {
    expect(parseEnv({})).toEqual({
      HOST: "127.0.0.1",
      PORT: 8787,
      sessionTtlMs: 12 * 3600 * 1000,
      oss: { mode: "embedded", emulatorPort: 0, styleLimit: 50, accessLogSeconds: 60 },
      preview: {
        resultCacheBytes: 64 * 1024 * 1024,
        memoryBytes: 256 * 1024 * 1024,
        maxWaitMs: 15_000,
        uploadIdleTimeoutMs: 10_000,
        uploadTimeoutMs: 60_000,
      },
      usage: { scanSeconds: 300, prices: { freePerMonth: 1000, pricePerRequestCny: 0.0001 } },
      trustedProxies: 0,
      uploadsQuotaBytes: 1024 * 1024 * 1024,
      throttle: { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 900_000, forgetAfterMs: 3_600_000 },
      inviteTtlMs: 7 * 24 * 3600 * 1000,
    });
  });

  it("takes bucket globs in OSS_BUCKETS, and names bad ones", () => {
    const cloud = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "TESTAK5tExampleId",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret",
      OSS_REGION: "cn-hangzhou",
    };
    const env = parseEnv({ ...cloud, OSS_BUCKETS: "photos, shop-*,*" });
    expect(env.oss).toMatchObject({ buckets: ["photos", "shop-*", "*"] });
    expect(() => parseEnv({ ...cloud, OSS_BUCKETS: "Shop_*" })).toThrow(/OSS_BUCKETS/);
  });

  it("takes single sign-on, TRUST_PROXY and throttling, and names what is wrong", () => {
    const env = parseEnv({
      OIDC_ISSUER: "https://id.example.com/realms/ops",
      OIDC_CLIENT_ID: "style-console",
      OIDC_CLIENT_SECRET: "s3cret-value",
      OIDC_ROLE_CLAIM: "realm_access.roles",
      OIDC_ROLE_MAP: "console-admins=admin, designers=designer",
      TRUST_PROXY: "true",
      SIGNIN_FREE_FAILURES: "3",
    });
    expect(env.oidc).toMatchObject({
      issuer: "https://id.example.com/realms/ops",
      clientId: "style-console",
      clientSecret: "s3cret-value",
      scopes: "openid profile email",
      displayName: "single sign-on",
      roles: { claim: "realm_access.roles", defaultRole: null },
    });
    expect(env.oidc?.roles.map?.get("designers")).toBe("designer");
    expect(env.trustedProxies).toBe(1);
    expect(env.throttle.freeFailures).toBe(3);
    expect(problemsOf({ OIDC_ISSUER: "ftp://x", TRUST_PROXY: "many" })).toEqual(
      expect.arrayContaining(["OIDC_ISSUER must be an http(s) URL", "TRUST_PROXY must be a number"]),
    );
    expect(
      problemsOf({ OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "x", OIDC_ROLE_MAP: "ops=root" }),
    ).toEqual([expect.stringMatching(/^OIDC_ROLE_MAP: "ops=root" is not value=role/)]);
    expect(problemsOf({ OIDC_CLIENT_ID: "x" })).toContain(
      "OIDC_ISSUER and OIDC_CLIENT_ID are needed together for single sign-on",
    );
  });

  it("takes the preview's queue and cache tuning, and names a bad value", () => {
    const env = parseEnv({ PREVIEW_CONCURRENCY: "2", PREVIEW_QUEUE_LIMIT: "0", PREVIEW_CACHE_MB: "0" });
    expect(env.preview).toMatchObject({ concurrency: 2, maxWaiting: 0, resultCacheBytes: 0 });
    expect(problemsOf({ PREVIEW_CONCURRENCY: "0", PREVIEW_CACHE_MB: "lots" })).toEqual([
      "PREVIEW_CONCURRENCY must be 1–64",
      "PREVIEW_CACHE_MB must be a number of megabytes",
    ]);
  });

  it("takes the memory budget, the queue wait and the upload timeouts (issue 14), and names a bad value", () => {
    const env = parseEnv({
      PREVIEW_MEMORY_MB: "128",
      PREVIEW_QUEUE_WAIT_SECONDS: "5",
      UPLOAD_IDLE_TIMEOUT_SECONDS: "2.5",
      UPLOAD_TIMEOUT_SECONDS: "30",
    });
    expect(env.preview).toMatchObject({
      memoryBytes: 128 * 1024 * 1024,
      maxWaitMs: 5000,
      uploadIdleTimeoutMs: 2500,
      uploadTimeoutMs: 30_000,
    });
    expect(problemsOf({ PREVIEW_MEMORY_MB: "1", UPLOAD_IDLE_TIMEOUT_SECONDS: "forever" })).toEqual([
      "PREVIEW_MEMORY_MB must be 16–65536",
      "UPLOAD_IDLE_TIMEOUT_SECONDS must be a number of seconds",
    ]);
  });

  it("takes HOST, PORT, DATA_DIR, the admin token and the session lifetime", () => {
    const env = parseEnv({
      HOST: "0.0.0.0",
      PORT: "9000",
      DATA_DIR: "/srv/data",
      CONSOLE_ADMIN_TOKEN: "a-long-enough-token",
      SESSION_TTL_HOURS: "1",
    });
    expect(env).toMatchObject({
      HOST: "0.0.0.0",
      PORT: 9000,
      DATA_DIR: "/srv/data",
      CONSOLE_ADMIN_TOKEN: "a-long-enough-token",
      sessionTtlMs: 3_600_000,
    });
  });

  it("switches to cloud mode with credentials, region and buckets", () => {
    expect(
      parseEnv({
        ...cloud,
        ALIBABA_CLOUD_SECURITY_TOKEN: "sts",
        OSS_ENDPOINT: "https://oss-cn-hangzhou-internal.aliyuncs.com",
      }).oss,
    ).toEqual({
      mode: "cloud",
      credentials: {
        accessKeyId: "TESTAK5tExampleId",
        accessKeySecret: "example-secret-value",
        securityToken: "sts",
      },
      region: "cn-hangzhou",
      buckets: ["photos", "avatars"],
      endpoint: "https://oss-cn-hangzhou-internal.aliyuncs.com",
      styleLimit: 50,
      qps: 100,
    });
  });

  it("reads OSS_REGION's oss- form as the same region ID, by the contract's one region rule", () => {
    const oss = parseEnv({ ...cloud, OSS_REGION: "oss-cn-hangzhou" }).oss;
    expect(oss).toMatchObject({ mode: "cloud", region: "cn-hangzhou" });
  });

  it("reads the database URL and the shared OSS rate, refusing what is not one", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://postgres@db:5432/console" }).DATABASE_URL).toBe(
      "postgres://postgres@db:5432/console",
    );
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://u:hunter2@x/db", OSS_QPS: "0" })).toThrow(/OSS_QPS/);
    try {
      parseEnv({ DATABASE_URL: "postgres://u:hunter2@x/db x", OSS_QPS: "0" });
    } catch (error) {
      expect((error as Error).message).not.toContain("hunter2");
    }
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ OSS_ENDPOINT: "", CONSOLE_ADMIN_TOKEN: "" }).oss.mode).toBe("embedded");
  });

  it("names every bad variable at once", () => {
    const problems = problemsOf({
      PORT: "70000",
      HOST: "",
      CONSOLE_ADMIN_TOKEN: "short",
      EMULATOR_PORT: "x",
    }).join("\n");
    for (const name of ["PORT", "HOST", "CONSOLE_ADMIN_TOKEN", "EMULATOR_PORT"])
      expect(problems).toContain(name);
  });

  it("requires region and buckets with cloud credentials, and both halves of the key pair", () => {
    expect(problemsOf({ ALIBABA_CLOUD_ACCESS_KEY_ID: "TESTAK5tExampleId" })).toEqual([
      expect.stringContaining("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
      expect.stringContaining("OSS_REGION"),
      expect.stringContaining("OSS_BUCKETS"),
    ]);
  });

  it("refuses cloud-only variables without credentials rather than ignoring them", () => {
    const problems = problemsOf({ OSS_BUCKETS: "photos", OSS_REGION: "cn-hangzhou" });
    expect(problems).toEqual([expect.stringContaining("OSS_REGION"), expect.stringContaining("OSS_BUCKETS")]);
  });

  it("checks the shapes of region, buckets and endpoint, and never echoes a value", () => {
    const problems = problemsOf({
      ...cloud,
      OSS_REGION: "cn_hangzhou",
      OSS_BUCKETS: "Photos,ok-bucket",
      OSS_ENDPOINT: "ftp://x",
    });
    expect(problems.join("\n")).toMatch(/OSS_REGION[\s\S]*OSS_BUCKETS[\s\S]*OSS_ENDPOINT/);
    expect(problems.join("\n")).not.toContain(cloud.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
  });
});
