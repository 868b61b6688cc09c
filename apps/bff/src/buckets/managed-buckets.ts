import { type Credentials, createOssClient, type OssClientOptions } from "@style-console/oss";
import { HttpError } from "../http/error.ts";
import type { ManagedBucket } from "./bucket-styles.ts";
import { ossBucketObjects } from "./oss-bucket-objects.ts";
import { ossBucketStyles } from "./oss-bucket-styles.ts";

export interface ManagedBucketsOptions {
  region: string;
  /** Default `https://oss-<region>.aliyuncs.com`. */
  endpoint?: string | undefined;
  credentials: Credentials;
  buckets: readonly string[];
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
  const client = createOssClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    ...options.client,
  });
  const secrets = [options.credentials.accessKeySecret, options.credentials.securityToken ?? ""];
  const endpoint = options.endpoint ?? `https://oss-${options.region}.aliyuncs.com`;
  return options.buckets.map((name) => ({
    name,
    region: options.region,
    endpoint,
    styleLimit: options.styleLimit,
    styles: ossBucketStyles(client, name, secrets),
    objects: ossBucketObjects(client, name, secrets),
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
