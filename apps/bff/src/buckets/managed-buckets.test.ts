import { describe, expect, it } from "vitest";
import type { ManagedBucket } from "./bucket-styles.ts";
import { bucketLookup } from "./managed-buckets.ts";

const bucket = (name: string) => ({ name }) as ManagedBucket;

describe("bucketLookup", () => {
  it("finds a configured bucket and refuses any other with 404 UnknownBucket", () => {
    const photos = bucket("photos");
    const lookup = bucketLookup([photos, bucket("avatars")]);
    expect(lookup("photos")).toBe(photos);
    expect(() => lookup("elsewhere")).toThrow(
      expect.objectContaining({
        status: 404,
        code: "UnknownBucket",
        message: expect.stringMatching(/"elsewhere"/),
      }),
    );
    // A name is matched exactly: no case folding, no prototype keys.
    expect(() => lookup("Photos")).toThrow(expect.objectContaining({ code: "UnknownBucket" }));
    expect(() => lookup("constructor")).toThrow(expect.objectContaining({ code: "UnknownBucket" }));
  });
});
