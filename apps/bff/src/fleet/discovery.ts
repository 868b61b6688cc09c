import { type BucketSummary, type OssClient, OssError } from "@style-console/oss";

/**
 * Which buckets the console manages in cloud mode: `OSS_BUCKETS` names and globs (`*`, `shop-*`,
 * `img-?`) matched against the account's buckets from ListBuckets, which also gives each bucket's
 * region (oss-logging-buckets.md §4). ListBuckets is signed for `OSS_REGION`, the discovery region;
 * any regional endpoint lists the buckets of every region.
 */

export interface DiscoveredBucket {
  name: string;
  region: string;
}

export interface DiscoveryResult {
  buckets: DiscoveredBucket[];
  /** Things an operator should read at start-up (a glob that matched nothing, a name not listed). */
  warnings: string[];
}

/**
 * Whether `pattern` (a bucket name with `*` for any run and `?` for one character) has a wildcard.
 *
 * @example
 * isGlob("shop-*"); // true
 */
export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/**
 * Compiles a bucket glob to an anchored RegExp (bucket names hold only `a-z 0-9 -`, nothing to escape).
 *
 * @example
 * globToRegExp("shop-*").test("shop-eu"); // true
 */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/\*/g, "[a-z0-9-]*").replace(/\?/g, "[a-z0-9-]")}$`);
}

/**
 * Resolves the patterns against the account. Literal names that ListBuckets does not list (a bucket of
 * another account shared by policy, or ListBuckets denied) are kept in `fallbackRegion` with a warning;
 * globs need ListBuckets, and its failure is then an error.
 *
 * @example
 * const { buckets } = await discoverBuckets(client, ["shop-*", "photos"], "cn-hangzhou");
 */
export async function discoverBuckets(
  client: Pick<OssClient, "listAllBuckets">,
  patterns: readonly string[],
  fallbackRegion: string,
): Promise<DiscoveryResult> {
  const warnings: string[] = [];
  let listed: BucketSummary[] | undefined;
  try {
    listed = await client.listAllBuckets();
  } catch (error) {
    if (patterns.some(isGlob) || !(error instanceof OssError) || error.kind !== "service") throw error;
    warnings.push(
      `ListBuckets was refused (${error.code}); managing the named buckets in ${fallbackRegion}. Grant oss:ListBuckets to discover their regions.`,
    );
  }
  const found = new Map<string, DiscoveredBucket>();
  for (const pattern of patterns) {
    if (isGlob(pattern)) {
      const re = globToRegExp(pattern);
      const matches = (listed ?? []).filter((b) => re.test(b.name));
      if (matches.length === 0)
        warnings.push(`OSS_BUCKETS pattern "${pattern}" matches no bucket of this account.`);
      for (const b of matches) found.set(b.name, { name: b.name, region: b.region });
      continue;
    }
    const hit = listed?.find((b) => b.name === pattern);
    if (!hit && listed) {
      warnings.push(
        `Bucket "${pattern}" is not among this account's buckets; assuming region ${fallbackRegion}.`,
      );
    }
    found.set(pattern, { name: pattern, region: hit?.region ?? fallbackRegion });
  }
  return {
    buckets: [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    warnings,
  };
}
