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
