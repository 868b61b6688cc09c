import { join } from "node:path";
import type { MemoryBudget } from "@style-console/imgproc/budget";
import { createOssClient, type OssClient } from "@style-console/oss";
import { startEmulator } from "@style-console/oss-emulator";
import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import { type ManagedBucketsOptions, managedBuckets } from "../buckets/managed-buckets.ts";
import { DEMO_BUCKETS, DEMO_LOG_BUCKET, DEMO_REGION, type DemoBucket } from "./demo.ts";
import { loadOrCreateKeyPair } from "./keys.ts";
import { seedDemo } from "./seed.ts";

export interface EmbeddedOptions {
  /** The console's data directory; the emulator keeps its buckets under `<dataDir>/oss`. */
  dataDir: string;
  /** 0 (default) picks a free loopback port. */
  port?: number;
  styleLimit: number;
  /** Where the sample images are (apps/bff/samples). */
  samplesDir: string;
  demo?: readonly DemoBucket[];
  /** Buckets the console owns in the emulator (not managed, not listed): the uploads' bucket. */
  ownBuckets?: readonly string[];
  /** Seconds between the emulator's access-log deliveries (default 60; OSS's own is hourly). */
  accessLogSeconds?: number;
  /**
   * The process's image-memory budget: the emulator's `x-oss-process` renders draw on the same bytes
   * as the console's previews (`PREVIEW_MEMORY_MB`), since both run in this process.
   */
  processMemory?: MemoryBudget;
  /** Options of the console's OSS client (the request-accounting hooks). */
  client?: ManagedBucketsOptions["client"];
  log?: (line: string) => void;
}

export interface Embedded {
  endpoint: string;
  buckets: ManagedBucket[];
  /** The generated secret, so the logger can redact it. */
  secret: string;
  seeded: boolean;
  /** A client of the emulator (the console's own buckets, e.g. uploads). */
  client: OssClient;
  close: () => Promise<void>;
}

/**
 * The embedded default: the OSS-compatible emulator in this process on loopback, with its own key pair
 * from the data directory and the demo buckets seeded on first start. The console then talks to it over
 * HTTP with V4 signatures, through the same client and code path as real OSS.
 * @example
 * const embedded = await startEmbedded({ dataDir: ".data", styleLimit: 50, samplesDir });
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<Embedded> {
  const demo = options.demo ?? DEMO_BUCKETS;
  const keys = loadOrCreateKeyPair(join(options.dataDir, "emulator-key.json"));
  const emulator = await startEmulator({
    host: "127.0.0.1",
    port: options.port ?? 0,
    dataDir: join(options.dataDir, "oss"),
    accessKeyId: keys.accessKeyId,
    accessKeySecret: keys.accessKeySecret,
    region: DEMO_REGION,
    buckets: [
      ...demo.map((b) => ({ name: b.name, region: b.region })),
      ...(options.ownBuckets ?? []),
      DEMO_LOG_BUCKET,
    ],
    styleLimit: options.styleLimit,
    accessLogIntervalSeconds: options.accessLogSeconds ?? 60,
    processMemory: options.processMemory,
  });
  try {
    // The emulator serves every region on one address: every request goes there, each signed for its
    // bucket's own region, exactly as with OSS_ENDPOINT in cloud mode.
    const regions = new Map(emulator.buckets.map((b) => [b.name, b.region]));
    const client = createOssClient({
      region: DEMO_REGION,
      endpoint: emulator.endpoint,
      credentials: keys,
      bucketRegion: (bucket) => regions.get(bucket),
    });
    const seeded = await seedDemo(client, demo, options.samplesDir, join(options.dataDir, "seeded.json"));
    // Usage needs access logs: a freshly seeded demo logs each bucket into the log bucket (OSS advises a
    // bucket of its own for logs); later the operator's choice, on or off, stands.
    if (seeded) {
      for (const b of demo)
        await client.putBucketLogging(
          { targetBucket: DEMO_LOG_BUCKET, targetPrefix: `${b.name}/` },
          { bucket: b.name },
        );
    }
    const buckets = managedBuckets({
      region: DEMO_REGION,
      endpoint: emulator.endpoint,
      credentials: keys,
      buckets: demo.map((b) => ({ name: b.name, region: regions.get(b.name) ?? b.region })),
      styleLimit: options.styleLimit,
      client: options.client,
    });
    return {
      endpoint: emulator.endpoint,
      buckets,
      secret: keys.accessKeySecret,
      seeded,
      client,
      close: emulator.close,
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
