import { describe, expect, it } from "vitest";
import type { BucketObjects, GetOptions } from "../../buckets/bucket-objects.ts";
import { HttpError } from "../../http/error.ts";
import { ObjectSources } from "./object-sources.ts";

/** A bucket whose GETs stay open until the test lets them finish, counting every call. */
function slowBucket() {
  const gets: { key: string; options: GetOptions; finish: () => void }[] = [];
  const objects: BucketObjects = {
    list: async () => ({ objects: [], nextCursor: null }),
    etag: async (key) => `"etag-${key}"`,
    get: (key, options) =>
      new Promise((resolve, reject) => {
        const bytes = Buffer.from(`bytes of ${key}`);
        const finish = () => resolve({ bytes, etag: `"etag-${key}"`, contentType: null, requestId: null });
        gets.push({ key, options, finish });
        options.signal?.addEventListener("abort", () => reject(new Error("aborted")));
      }),
  };
  return { objects, gets };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("ObjectSources", () => {
  it("downloads an object once however many requests want it at once", async () => {
    const { objects, gets } = slowBucket();
    const sources = new ObjectSources();
    const loads = [1, 2, 3].map(() => sources.load(objects, "photos", "a.jpg", 1024));
    await tick();
    expect(gets).toHaveLength(1);
    gets[0]?.finish();
    const loaded = await Promise.all(loads);
    expect(new Set(loaded.map((l) => l.hash)).size).toBe(1);
    expect(loaded[0]?.bytes.toString()).toBe("bytes of a.jpg");
    // Settled: the next use is a cache hit, and nothing is left in flight.
    await sources.load(objects, "photos", "a.jpg", 1024);
    expect(gets).toHaveLength(1);
    expect(sources.downloading).toBe(0);
  });

  it("refuses a download past the bound with 503 and Retry-After, and takes one again once a slot frees", async () => {
    const { objects, gets } = slowBucket();
    const sources = new ObjectSources({ maxDownloads: 2 });
    const first = [sources.load(objects, "p", "a.jpg", 1024), sources.load(objects, "p", "b.jpg", 1024)];
    await tick();
    const refused = await sources.load(objects, "p", "c.jpg", 1024).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ status: 503, extra: { headers: { "Retry-After": "1" } } });
    for (const get of gets) get.finish();
    await Promise.all(first);
    const third = sources.load(objects, "p", "c.jpg", 1024);
    await tick();
    gets[2]?.finish();
    expect((await third).bytes.toString()).toBe("bytes of c.jpg");
  });

  it("cancels a shared download only when every request waiting for it has gone", async () => {
    const { objects, gets } = slowBucket();
    const sources = new ObjectSources();
    const [a, b] = [new AbortController(), new AbortController()];
    const loads = [a, b].map((c) => sources.load(objects, "p", "a.jpg", 1024, c.signal).catch((e) => e));
    await tick();
    a.abort();
    await tick();
    expect(gets[0]?.options.signal?.aborted).toBe(false);
    b.abort();
    await tick();
    expect(gets[0]?.options.signal?.aborted).toBe(true);
    expect(await Promise.all(loads)).toEqual([
      expect.objectContaining({ status: 499 }),
      expect.objectContaining({ status: 499 }),
    ]);
    expect(sources.downloading).toBe(0);
  });
});
