import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { isBucketName } from "@style-console/contract/names";
import { cleanTemporaries } from "./atomic.ts";
import { BucketMetaStore } from "./bucket-meta.ts";
import { ObjectStore } from "./objects.ts";
import { StyleStore } from "./styles.ts";

/**
 * All buckets under `<data>/buckets/<name>/`: those named at start-up are created, and any bucket a
 * previous run created is served again, so a restart loses nothing.
 */

export interface Bucket {
  readonly name: string;
  /** Region, creation date and image-processing settings. */
  readonly meta: BucketMetaStore;
  readonly styles: StyleStore;
  readonly objects: ObjectStore;
}

export { isBucketName };

/** A bucket to create at start-up; without `region` it takes the emulator's default region. */
export interface BucketSpec {
  readonly name: string;
  readonly region?: string | undefined;
}

/**
 * Opens every bucket under `dataDir`, creating `create` first. A bucket keeps the region it was created
 * in (`bucket.json`); naming it again with another region is an error.
 *
 * @example
 * const buckets = await openBuckets("/tmp/oss-data", [{ name: "photos" }], "cn-hangzhou");
 * buckets.get("photos")?.styles.list();
 */
export async function openBuckets(
  dataDir: string,
  create: readonly BucketSpec[],
  defaultRegion: string,
): Promise<ReadonlyMap<string, Bucket>> {
  const root = join(dataDir, "buckets");
  await mkdir(root, { recursive: true });
  const required = new Map(create.map((b) => [b.name, b.region ?? defaultRegion]));
  for (const { name } of create) {
    if (!isBucketName(name))
      throw new Error(
        `Invalid bucket name "${name}": expected 3–63 of [a-z0-9-], not starting or ending with "-".`,
      );
    await mkdir(join(root, name), { recursive: true });
  }
  const buckets = new Map<string, Bucket>();
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !isBucketName(entry.name)) continue;
    const dir = join(root, entry.name);
    await cleanTemporaries(dir);
    buckets.set(entry.name, {
      name: entry.name,
      meta: await BucketMetaStore.open(dir, defaultRegion, required.get(entry.name)),
      styles: await StyleStore.open(dir),
      objects: await ObjectStore.open(join(dir, "objects")),
    });
  }
  return buckets;
}
