import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OssClient } from "@style-console/oss";
import type { DemoBucket } from "./demo.ts";

const contentTypes: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

// Markers written before the marker listed its buckets: those data directories hold the first two.
const legacySeeded = ["demo-photos", "demo-avatars"];

function seededBuckets(marker: string): Set<string> {
  if (!existsSync(marker)) return new Set();
  try {
    const parsed = JSON.parse(readFileSync(marker, "utf8")) as { buckets?: unknown };
    return new Set(Array.isArray(parsed.buckets) ? (parsed.buckets as string[]) : legacySeeded);
  } catch {
    return new Set(legacySeeded);
  }
}

/**
 * Seeds each demo bucket once, through the OSS API (PutObject, PutStyle, PutProcessConfiguration) like
 * any other client. A marker file, written only after everything succeeded, lists the seeded buckets:
 * a crash mid-seed re-seeds (the calls are idempotent upserts), styles an operator deletes later never
 * come back, and a demo bucket added by a newer version is seeded on its first start.
 * @example
 * await seedDemo(client, DEMO_BUCKETS, samplesDir, join(dataDir, "seeded.json")); // true the first time
 */
export async function seedDemo(
  client: OssClient,
  buckets: readonly DemoBucket[],
  samplesDir: string,
  marker: string,
): Promise<boolean> {
  const done = seededBuckets(marker);
  const todo = buckets.filter((b) => !done.has(b.name));
  if (todo.length === 0) return false;
  for (const bucket of todo) {
    for (const object of bucket.objects) {
      const extension = object.file.split(".").pop()?.toLowerCase() ?? "";
      const contentType = contentTypes[extension] ?? "application/octet-stream";
      await client.putObject(object.key, readFileSync(join(samplesDir, object.file)), {
        bucket: bucket.name,
        contentType,
      });
    }
    for (const style of bucket.styles) {
      await client.putStyle(style.name, style.content, { bucket: bucket.name, category: style.category });
    }
    if (bucket.styleDelimiters?.length) {
      await client.putProcessConfiguration(
        { styleDelimiters: bucket.styleDelimiters },
        { bucket: bucket.name },
      );
    }
  }
  const seededNow = [...done, ...todo.map((b) => b.name)];
  writeFileSync(marker, `${JSON.stringify({ seededAt: new Date().toISOString(), buckets: seededNow })}\n`);
  return true;
}
