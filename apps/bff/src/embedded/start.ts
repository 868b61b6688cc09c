import { join } from "node:path";
import { createOssClient, type OssClient } from "@style-console/oss";
import { startEmulator } from "@style-console/oss-emulator";
import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import { managedBuckets } from "../buckets/managed-buckets.ts";
import { DEMO_BUCKETS, DEMO_REGION, type DemoBucket } from "./demo.ts";
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
    buckets: [...demo.map((b) => b.name), ...(options.ownBuckets ?? [])],
    styleLimit: options.styleLimit,
  });
  try {
    const client = createOssClient({ region: DEMO_REGION, endpoint: emulator.endpoint, credentials: keys });
    const seeded = await seedDemo(client, demo, options.samplesDir, join(options.dataDir, "seeded.json"));
    const buckets = managedBuckets({
      region: DEMO_REGION,
      endpoint: emulator.endpoint,
      credentials: keys,
      buckets: demo.map((b) => b.name),
      styleLimit: options.styleLimit,
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
