import { afterAll, beforeAll, describe } from "vitest";
import { emulatorTarget, type Target } from "./harness.ts";
import { defineObjectContract } from "./objects-suite.ts";
import { defineStyleContract } from "./suite.ts";

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
