import { createHash } from "node:crypto";
import type { BucketObjects } from "../../upstream/bucket-objects.ts";
import { ByteLru } from "../cache/byte-lru.ts";
import type { SourceBytes } from "./sample.ts";

const MB = 1024 * 1024;

/** Images the object picker lists: by extension, since a listing carries nothing else to go on. */
export const IMAGE_KEY = /\.(jpe?g|png|gif|webp|bmp|tiff?|heic|heif|avif)$/i;

export interface ObjectSourcesOptions {
  /** Bytes of fetched objects kept in memory (default 96 MB). */
  cacheBytes?: number;
}

/**
 * Bucket objects as preview sources (and watermark images): fetched with a signed GetObject, capped,
 * and kept in a byte-bounded LRU keyed by bucket, key and ETag. Each use asks OSS for the current ETag
 * first (a HeadObject, cheap), so a replaced object is never served stale; an object without an ETag
 * is not cached.
 * @example
 * const sources = new ObjectSources();
 * const { bytes, hash } = await sources.load(bucket.objects, "photos", "a.jpg", 20 * 1024 * 1024);
 */
export class ObjectSources {
  readonly cache: ByteLru<SourceBytes>;

  constructor(options: ObjectSourcesOptions = {}) {
    this.cache = new ByteLru<SourceBytes>(options.cacheBytes ?? 96 * MB, (s) => s.bytes.length);
  }

  async load(
    objects: BucketObjects,
    bucket: string,
    key: string,
    maxBytes: number,
    signal?: AbortSignal,
  ): Promise<SourceBytes & { etag: string | null }> {
    const etag = await objects.etag(key, signal);
    const cacheKey = etag === null ? undefined : `${bucket}/${key}#${etag}`;
    const cached = cacheKey === undefined ? undefined : this.cache.get(cacheKey);
    if (cached) {
      // The cap is per use (a watermark's is smaller than a source's), so a cached object still obeys it.
      if (cached.bytes.length <= maxBytes) return { ...cached, etag };
    }
    const fetched = await objects.get(key, { maxBytes, signal });
    const source = { bytes: fetched.bytes, hash: createHash("sha256").update(fetched.bytes).digest("hex") };
    // Key by the ETag the GET answered with: if the object changed between HEAD and GET, this is the truth.
    const storedEtag = fetched.etag ?? etag;
    if (storedEtag !== null) this.cache.set(`${bucket}/${key}#${storedEtag}`, source);
    return { ...source, etag: storedEtag };
  }
}
