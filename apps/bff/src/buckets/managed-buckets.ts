import { type Credentials, createOssClient, type OssClientOptions } from "@style-console/oss";
import { HttpError } from "../http/error.ts";
import type { ManagedBucket } from "./bucket-styles.ts";
import { ossLogSource } from "./oss-bucket-logs.ts";
import { ossBucketObjects } from "./oss-bucket-objects.ts";
import { ossBucketStyles } from "./oss-bucket-styles.ts";

export interface ManagedBucketsOptions {
  /** The region of a bucket given by name only (and of the client). */
  region: string;
  /**
   * Every request goes here when set (an internal endpoint, the emulator), still signed for its bucket's
   * region; unset, each bucket is reached at `https://oss-<its region>.aliyuncs.com`.
   */
  endpoint?: string | undefined;
  credentials: Credentials;
  /** Names (in `region`) or discovered `{ name, region }` (fleet/discovery.ts). */
  buckets: ReadonlyArray<string | { name: string; region: string }>;
  styleLimit: number;
  /**
   * Client tuning: tests turn retries off and shorten timeouts; `main.ts` replaces the client's own
   * rate limit with the one shared through the database (`rateLimit: false` + `hooks.beforeRequest`).
   */
  client?: Pick<OssClientOptions, "retry" | "timeoutMs" | "fetch" | "rateLimit" | "hooks"> | undefined;
}

/**
 * The configured buckets, each over one shared OSS client that signs every call with V4. The same code
 * serves real OSS and the embedded emulator: only the endpoint and the keys differ.
 * @example
 * managedBuckets({ region: "cn-hangzhou", credentials, buckets: ["photos"], styleLimit: 50 });
 */
export function managedBuckets(options: ManagedBucketsOptions): ManagedBucket[] {
  const list = options.buckets.map((b) => (typeof b === "string" ? { name: b, region: options.region } : b));
  const regions = new Map(list.map((b) => [b.name, b.region]));
  const client = createOssClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    bucketRegion: (bucket) => regions.get(bucket),
    ...options.client,
  });
  const secrets = [options.credentials.accessKeySecret, options.credentials.securityToken ?? ""];
  const logs = ossLogSource(client, secrets);
  return list.map(({ name, region }) => ({
    name,
    region,
    endpoint: options.endpoint ?? `https://oss-${region}.aliyuncs.com`,
    client,
    styleLimit: options.styleLimit,
    styles: ossBucketStyles(client, name, secrets),
    objects: ossBucketObjects(client, name, secrets),
    logs,
  }));
}

/**
 * Finds a configured bucket by name, or refuses with 404 UnknownBucket: the one rule the style routes and
 * the preview share, so a bucket outside the configuration is never reached by either.
 * @example
 * const bucketNamed = bucketLookup(buckets);
 * bucketNamed("photos").styles.list();
 */
export function bucketLookup(buckets: readonly ManagedBucket[]): (name: string) => ManagedBucket {
  const byName = new Map(buckets.map((bucket) => [bucket.name, bucket]));
  return (name) => {
    const found = byName.get(name);
    if (!found)
      throw new HttpError("UnknownBucket", `This console does not manage a bucket named "${name}".`);
    return found;
  };
}
