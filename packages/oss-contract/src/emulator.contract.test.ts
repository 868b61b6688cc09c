import { OssError } from "@style-console/oss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineBucketContract } from "./buckets-suite.ts";
import { clientFor, emulatorTarget, type Target } from "./harness.ts";
import { defineObjectContract } from "./objects-suite.ts";
import { defineStyleContract, ossErrorOf } from "./suite.ts";

describe("contract against the emulator over loopback", () => {
  let target: Target | undefined;
  const get = (): Target => {
    if (!target) throw new Error("emulator not started");
    return target;
  };
  beforeAll(async () => {
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.close();
  });
  defineStyleContract(get);
  defineObjectContract(get);
  defineBucketContract(get);
});

describe("emulator-only: one client, buckets in two regions", () => {
  it("signs each bucket's calls for its own region through the one endpoint", async () => {
    const target = await emulatorTarget({ buckets: ["contract-bucket", "contract-eu@eu-central-1"] });
    try {
      const regions = new Map((await clientFor(target).listAllBuckets()).map((b) => [b.name, b.region]));
      expect(Object.fromEntries(regions)).toEqual({
        "contract-bucket": "cn-hangzhou",
        "contract-eu": "eu-central-1",
      });
      const oss = clientFor(target, { bucketRegion: (b) => regions.get(b) });
      await oss.putStyle("eu-thumb", "image/resize,w_10", { bucket: "contract-eu" });
      await oss.putStyle("hz-thumb", "image/resize,w_20");
      expect((await oss.listStyles({ bucket: "contract-eu" })).map((s) => s.name)).toEqual(["eu-thumb"]);
      expect(await oss.getBucketLocation({ bucket: "contract-eu" })).toBe("eu-central-1");
      // Without the resolver the EU bucket is signed for the client's region and refused (EC 228).
      const e = await ossErrorOf(clientFor(target).listStyles({ bucket: "contract-eu" }));
      expect(e).toMatchObject({ status: 403, ec: "0002-00000228" });
      const url = new URL(await oss.presignGetObject("x.jpg", { bucket: "contract-eu" }));
      expect(url.searchParams.get("x-oss-credential")).toContain("/eu-central-1/oss/");
    } finally {
      await target.close();
    }
  });
});

describe("emulator-only: the per-bucket style limit", () => {
  it("refuses a style past the limit with a typed, non-retried error; overwriting still works", async () => {
    const target = await emulatorTarget({ styleLimit: 2 });
    try {
      const oss = clientFor(target);
      await oss.putStyle("one", "image/resize,w_1");
      await oss.putStyle("two", "image/resize,w_2");
      const e = await ossErrorOf(oss.putStyle("three", "image/resize,w_3"));
      expect(e).toMatchObject({ status: 403, code: "AccessDenied", attempts: 1 });
      expect(e.hint).toMatch(/style limit/);
      await oss.putStyle("two", "image/resize,w_22");
      expect((await oss.listStyles()).map((s) => s.content)).toEqual([
        "image/resize,w_1",
        "image/resize,w_22",
      ]);
    } finally {
      await target.close();
    }
  });
});

describe("emulator-only: a GetObject body cut off by the truncate fault", () => {
  it("rejects the body read with an OssError, not undici's raw TypeError", async () => {
    // Request 1 (PutObject) passes, request 2 (GetObject) loses the second half of its body.
    const target = await emulatorTarget({ faults: { schedule: ["none", "truncate"] } });
    try {
      const oss = clientFor(target, { retry: false });
      await oss.putObject("cut/big.bin", new Uint8Array(256 * 1024).fill(7));
      const got = await oss.getObject("cut/big.bin");
      const error = await new Response(got.body).arrayBuffer().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OssError);
      expect(error).toMatchObject({ kind: "network", operation: "getObject" });
    } finally {
      await target.close();
    }
  });
});
