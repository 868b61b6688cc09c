import { OssError } from "@style-console/oss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
