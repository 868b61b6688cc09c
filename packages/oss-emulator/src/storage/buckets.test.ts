import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openBuckets } from "./buckets.ts";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "oss-emulator-store-"));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const bytes = (text: string) => async (sink: (chunk: Buffer) => Promise<void>) => sink(Buffer.from(text));

describe("openBuckets", () => {
  it("reopens styles in creation order and objects with their metadata", async () => {
    const first = await openBuckets(dataDir, [{ name: "photos" }], "cn-hangzhou");
    const photos = first.get("photos");
    if (!photos) throw new Error("bucket missing");
    await photos.styles.put({ name: "b", content: "image/resize,w_2" }, 50, new Date(1000));
    await photos.styles.put(
      { name: "a", content: "image/resize,w_1", category: "video" },
      50,
      new Date(2000),
    );
    await photos.objects.put(
      { key: "k/é.txt", contentType: "text/plain", userMeta: { "x-oss-meta-a": "1" }, feed: bytes("hi") },
      new Date(3000),
    );
    const again = (await openBuckets(dataDir, [], "cn-hangzhou")).get("photos");
    expect(again?.styles.list().map((s) => [s.name, s.category, s.createTime])).toEqual([
      ["b", "image", 1000],
      ["a", "video", 2000],
    ]);
    expect(again?.objects.head("k/é.txt")).toMatchObject({
      size: 2,
      contentType: "text/plain",
      userMeta: { "x-oss-meta-a": "1" },
      lastModified: 3000,
    });
  });

  it("removes temporary files a crash left and keeps no trace of an abandoned write", async () => {
    const photos = (await openBuckets(dataDir, [{ name: "photos" }], "cn-hangzhou")).get("photos");
    await expect(
      photos?.objects.put(
        {
          key: "x",
          contentType: "t",
          userMeta: {},
          feed: bytes("data"),
          verify: () => {
            throw new Error("digest mismatch");
          },
        },
        new Date(),
      ),
    ).rejects.toThrow("digest mismatch");
    await writeFile(join(dataDir, "buckets", "photos", "objects", ".tmp-abc-deadbeef"), "half");
    const reopened = (await openBuckets(dataDir, [], "cn-hangzhou")).get("photos");
    expect(reopened?.objects.head("x")).toBeUndefined();
    expect(await readdir(join(dataDir, "buckets", "photos", "objects"))).toEqual([]);
  });

  it("refuses to start over a damaged styles file, naming it", async () => {
    await openBuckets(dataDir, [{ name: "photos" }], "cn-hangzhou");
    await writeFile(join(dataDir, "buckets", "photos", "styles.json"), "{ not json");
    await expect(openBuckets(dataDir, [], "cn-hangzhou")).rejects.toThrow(/styles\.json is not valid JSON/);
  });

  it("refuses an invalid bucket name", async () => {
    await expect(openBuckets(dataDir, [{ name: "Bad_Name" }], "cn-hangzhou")).rejects.toThrow(
      /Invalid bucket name "Bad_Name"/,
    );
  });

  it("keeps each bucket's region across restarts and refuses to move one", async () => {
    await openBuckets(
      dataDir,
      [{ name: "photos" }, { name: "eu-shop", region: "eu-central-1" }],
      "cn-hangzhou",
    );
    const again = await openBuckets(dataDir, [], "ap-southeast-1");
    expect(again.get("photos")?.meta.get().region).toBe("cn-hangzhou");
    expect(again.get("eu-shop")?.meta.get().region).toBe("eu-central-1");
    await expect(
      openBuckets(dataDir, [{ name: "eu-shop", region: "cn-beijing" }], "cn-hangzhou"),
    ).rejects.toThrow(/already exists in region eu-central-1, not cn-beijing/);
  });
});
