import { beforeAll, describe } from "vitest";
import { defineBucketContract } from "./buckets-suite.ts";
import { liveSkipReason, liveTarget, type Target } from "./harness.ts";
import { defineObjectContract } from "./objects-suite.ts";
import { defineStyleContract } from "./suite.ts";

const reason = liveSkipReason();
// Vitest shows these tests as skipped (never passed); the reason is printed so a CI log says why.
if (reason) console.log(reason);

describe.skipIf(reason !== undefined)(`contract against real OSS${reason ? ` (${reason})` : ""}`, () => {
  let target: Target | undefined;
  const get = (): Target => {
    if (!target) throw new Error("live target not ready");
    return target;
  };
  beforeAll(async () => {
    target = await liveTarget();
  });
  defineStyleContract(get);
  defineObjectContract(get);
  defineBucketContract(get);
});
