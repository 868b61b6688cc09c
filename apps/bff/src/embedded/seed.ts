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

/**
 * Seeds the demo buckets once, through the OSS API (PutObject, PutStyle) like any other client. A marker
 * file written only after everything succeeded makes it first-start-only: a crash mid-seed re-seeds
 * (both calls are idempotent upserts), and styles an operator deletes later never come back.
 * @example
 * await seedDemo(client, DEMO_BUCKETS, samplesDir, join(dataDir, "seeded.json")); // true the first time
 */
export async function seedDemo(
  client: OssClient,
  buckets: readonly DemoBucket[],
  samplesDir: string,
  marker: string,
): Promise<boolean> {
  if (existsSync(marker)) return false;
  for (const bucket of buckets) {
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
  }
  writeFileSync(marker, `${JSON.stringify({ seededAt: new Date().toISOString() })}\n`);
  return true;
}
