import { type Credentials, createOssClient } from "@style-console/oss";
import { type DiscoveredBucket, discoverBuckets } from "./discovery.ts";

/**
 * Start-up discovery in cloud mode: ListBuckets signed for `OSS_REGION` (sent to `OSS_ENDPOINT` when
 * set), the patterns of `OSS_BUCKETS` resolved, the result and any warnings printed. A failure stops
 * the start with the OSS error's message (never a credential).
 *
 * @example
 * const buckets = await discoverCloudBuckets({ region: "cn-hangzhou", credentials, patterns: ["shop-*"] });
 */
export async function discoverCloudBuckets(options: {
  region: string;
  endpoint?: string | undefined;
  credentials: Credentials;
  patterns: readonly string[];
  log?: (line: string) => void;
}): Promise<DiscoveredBucket[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const client = createOssClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
  });
  const { buckets, warnings } = await discoverBuckets(client, options.patterns, options.region);
  for (const warning of warnings) log(`Warning: ${warning}`);
  const regions = new Set(buckets.map((b) => b.region));
  log(
    `Managing ${buckets.length} OSS bucket(s) in ${regions.size} region(s): ${buckets.map((b) => `${b.name} (${b.region})`).join(", ")}`,
  );
  return buckets;
}
