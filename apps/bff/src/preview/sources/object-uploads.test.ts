import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocks } from "../../db/locks.ts";
import { type Harness, SAMPLES_DIR, startHarness } from "../../testing/harness.ts";
import { ObjectUploadStore, parseUploadsLocation } from "./object-uploads.ts";

const facts = { width: 1, height: 1, format: "jpeg", bytes: 1 } as never;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const store = (quotaBytes: number) =>
  new ObjectUploadStore({
    db: h.database.db,
    client: h.oss,
    location: parseUploadsLocation("oss://avatars/console/uploads/"),
    quotaBytes,
    locks: createLocks(h.database),
  });

describe("uploads stored as objects (UPLOADS_LOCATION)", () => {
  it("parses the location and refuses what is not one", () => {
    expect(parseUploadsLocation("oss://team-assets")).toEqual({ bucket: "team-assets", prefix: "" });
    expect(parseUploadsLocation("oss://team-assets/a/b")).toEqual({ bucket: "team-assets", prefix: "a/b/" });
    expect(() => parseUploadsLocation("s3://x/y")).toThrow(/UPLOADS_LOCATION/);
  });

  it("stores by content once, reads back, holds the quota across uploads, and deletes object and row", async () => {
    const bytes = readFileSync(join(SAMPLES_DIR, "flowers.jpeg"));
    const uploads = store(bytes.length + 30);
    const first = await uploads.save(bytes, "a.jpeg", facts);
    const again = await uploads.save(bytes, "b.jpeg", facts);
    expect(again.id).toBe(first.id);
    expect((await uploads.list()).map((s) => s.id)).toEqual([first.id]);
    expect((await uploads.read(first.id))?.bytes.equals(bytes)).toBe(true);
    const other = Buffer.concat([bytes, Buffer.from("x".repeat(20))]);
    await expect(uploads.save(other, "c.jpeg", facts)).rejects.toMatchObject({
      status: 413,
      code: "UploadQuotaExceeded",
    });
    expect(await uploads.remove(first.id)).toBe(true);
    await expect(h.oss.getObject(`console/uploads/${first.id}`, { bucket: "avatars" })).rejects.toMatchObject(
      {
        code: "NoSuchKey",
      },
    );
    expect(await uploads.remove(first.id)).toBe(false);
    expect((await uploads.save(other, "c.jpeg", facts)).name).toBe("c.jpeg");
  });
});
