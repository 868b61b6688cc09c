import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { isBucketName } from "@style-console/contract/names";
import { cleanTemporaries } from "./atomic.ts";
import { ObjectStore } from "./objects.ts";
import { StyleStore } from "./styles.ts";

/**
 * All buckets under `<data>/buckets/<name>/`: those named at start-up are created, and any bucket a
 * previous run created is served again, so a restart loses nothing.
 */

export interface Bucket {
  readonly name: string;
  readonly styles: StyleStore;
  readonly objects: ObjectStore;
}

export { isBucketName };

/**
 * Opens every bucket under `dataDir`, creating `create` first.
 *
 * @example
 * const buckets = await openBuckets("/tmp/oss-data", ["photos"]);
 * buckets.get("photos")?.styles.list();
 */
export async function openBuckets(
  dataDir: string,
  create: readonly string[],
): Promise<ReadonlyMap<string, Bucket>> {
  const root = join(dataDir, "buckets");
  await mkdir(root, { recursive: true });
  for (const name of create) {
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
      styles: await StyleStore.open(dir),
      objects: await ObjectStore.open(join(dir, "objects")),
    });
  }
  return buckets;
}
