import { OssError } from "@style-console/oss";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The SPA's own check, as the editor runs it (apps/web imports the rule from the contract too).
import { nameMessage } from "../../../web/src/styles/editor/validation.ts";
import type { HttpError } from "../http/error.ts";
import { type Harness, startHarness } from "../testing/harness.ts";
import { assertStyleName } from "./assert-style.ts";

// One generated name, three validators: the SPA's editor check, the BFF's check before any OSS call, and
// the emulator's PutStyle/GetStyle check over signed HTTP. Issue 15 found the SPA's and the BFF's copies
// disagreeing on astral characters; with one rule in packages/contract they cannot, and this proves it.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const spaAccepts = (name: string) => nameMessage(name) === null;
const bffAccepts = (name: string) => {
  try {
    assertStyleName(name);
    return true;
  } catch (error) {
    expect(error).toMatchObject({ status: 400, code: "InvalidStyleName" });
    // Where: the SPA underlines the first bad character exactly where the BFF's details put it (the old
    // copies disagreed on astral characters: code points against code units).
    const bad = (error as HttpError<"InvalidStyleName">).extra.details?.errors.find(
      (e) => e.code === "InvalidCharacter",
    );
    if (bad) expect(nameMessage(name)?.offset).toBe(bad.offset);
    return false;
  }
};
// GetStyle validates the name before it looks: 400 for a bad name, 404 NoSuchStyle for a good unknown one.
async function emulatorAccepts(name: string): Promise<boolean> {
  try {
    await h.oss.getStyle(name, { bucket: "photos" });
    return true;
  } catch (error) {
    if (!(error instanceof OssError)) throw error;
    if (error.code === "NoSuchStyle") return true;
    expect(error.status).toBe(400);
    return false;
  }
}

const names = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.-]{0,70}$/),
  fc.string({ unit: "grapheme", maxLength: 70 }),
  fc.string({ unit: "binary-ascii", maxLength: 70 }),
  fc.constantFrom("", ".", "..", "x".repeat(63), "x".repeat(64), "a😀", "缩略图", "a b", "thumb/small"),
);

describe("the SPA, the BFF and the emulator give every style name the same verdict", () => {
  it("for generated names, valid and not", { timeout: 120_000 }, async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        const verdicts = [spaAccepts(name), bffAccepts(name), await emulatorAccepts(name)];
        expect(new Set(verdicts).size, `verdicts on ${JSON.stringify(name)}: ${verdicts}`).toBe(1);
        if (verdicts[0]) accepted += 1;
        else refused += 1;
      }),
      { numRuns: 100 },
    );
    // Both sides of the rule were exercised, so agreement is not "everyone refuses everything".
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });
});
