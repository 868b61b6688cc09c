import { createHash } from "node:crypto";
import type { BucketObjects } from "../../buckets/bucket-objects.ts";
import { HttpError } from "../../http/error.ts";
import { ByteLru } from "../cache/byte-lru.ts";
import type { SourceBytes } from "./sample.ts";

const MB = 1024 * 1024;

/** Images the object picker lists: by extension, since a listing carries nothing else to go on. */
export const IMAGE_KEY = /\.(jpe?g|png|gif|webp|bmp|tiff?|heic|heif|avif)$/i;

/** Downloads at once by default: each buffers up to 20 MB, so this bounds their memory at ~120 MB. */
export const MAX_CONCURRENT_DOWNLOADS = 6;

export interface ObjectSourcesOptions {
  /** Bytes of fetched objects kept in memory (default 96 MB). */
  cacheBytes?: number;
  /** Uncached objects downloading at once; one more is refused with 503 (default 6). */
  maxDownloads?: number;
}

type Loaded = SourceBytes & { etag: string | null };

/** One download several requests wait on; it is cancelled only when every one of them has left. */
interface InFlight {
  promise: Promise<Loaded>;
  controller: AbortController;
  waiters: number;
}

const abandoned = () =>
  new HttpError("RequestAborted", "The client abandoned the request before its source arrived.");

/**
 * Bucket objects as preview sources (and watermark images): fetched with a signed GetObject, capped,
 * and kept in a byte-bounded LRU keyed by bucket, key and ETag. Each use asks OSS for the current ETag
 * first (a HeadObject, cheap), so a replaced object is never served stale; an object without an ETag
 * is not cached. Requests for an object already downloading wait for that download instead of starting
 * another, and at most `maxDownloads` distinct objects download at once.
 * @example
 * const sources = new ObjectSources();
 * const { bytes, hash } = await sources.load(bucket.objects, "photos", "a.jpg", 20 * 1024 * 1024);
 */
export class ObjectSources {
  readonly cache: ByteLru<SourceBytes>;
  readonly #inFlight = new Map<string, InFlight>();
  readonly #maxDownloads: number;
  #downloading = 0;

  constructor(options: ObjectSourcesOptions = {}) {
    this.cache = new ByteLru<SourceBytes>(options.cacheBytes ?? 96 * MB, (s) => s.bytes.length);
    this.#maxDownloads = options.maxDownloads ?? MAX_CONCURRENT_DOWNLOADS;
  }

  /** Distinct objects downloading now. */
  get downloading(): number {
    return this.#downloading;
  }

  async load(
    objects: BucketObjects,
    bucket: string,
    key: string,
    maxBytes: number,
    signal?: AbortSignal,
  ): Promise<Loaded> {
    return this.loadAt(objects, bucket, key, await objects.etag(key, signal), maxBytes, signal);
  }

  /** {@link load} for a caller that has just asked OSS for the object's ETag itself (a HeadObject saved). */
  async loadAt(
    objects: BucketObjects,
    bucket: string,
    key: string,
    etag: string | null,
    maxBytes: number,
    signal?: AbortSignal,
  ): Promise<Loaded> {
    const cacheKey = etag === null ? undefined : `${bucket}/${key}#${etag}`;
    const cached = cacheKey === undefined ? undefined : this.cache.get(cacheKey);
    // The cap is per use (a watermark's is smaller than a source's), so a cached object still obeys it.
    if (cached && cached.bytes.length <= maxBytes) return { ...cached, etag };
    if (cacheKey === undefined) return this.#download(objects, bucket, key, maxBytes, etag, signal);
    let flight = this.#inFlight.get(cacheKey);
    if (!flight) {
      const controller = new AbortController();
      const promise = this.#download(objects, bucket, key, maxBytes, etag, controller.signal);
      const started: InFlight = { promise, controller, waiters: 0 };
      this.#inFlight.set(cacheKey, started);
      const settled = () => {
        if (this.#inFlight.get(cacheKey) === started) this.#inFlight.delete(cacheKey);
      };
      promise.then(settled, settled);
      flight = started;
    }
    const shared = await this.#wait(cacheKey, flight, signal);
    // A download started under a larger cap: this use's own GET refuses the object with the usual 413.
    if (shared.bytes.length > maxBytes) return this.#download(objects, bucket, key, maxBytes, etag, signal);
    return shared;
  }

  // Leaving early (the client went away) cancels the download once nobody else waits for it.
  async #wait(cacheKey: string, flight: InFlight, signal?: AbortSignal): Promise<Loaded> {
    if (signal?.aborted) throw abandoned();
    flight.waiters++;
    let onAbort = () => {};
    const left = new Promise<never>((_, reject) => {
      onAbort = () => reject(abandoned());
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([flight.promise, left]);
    } finally {
      signal?.removeEventListener("abort", onAbort);
      flight.waiters--;
      if (flight.waiters === 0 && signal?.aborted) {
        // Forgotten first, so a request arriving now starts a fresh download rather than join a dead one.
        if (this.#inFlight.get(cacheKey) === flight) this.#inFlight.delete(cacheKey);
        flight.controller.abort();
      }
    }
  }

  async #download(
    objects: BucketObjects,
    bucket: string,
    key: string,
    maxBytes: number,
    etag: string | null,
    signal?: AbortSignal,
  ): Promise<Loaded> {
    if (this.#downloading >= this.#maxDownloads) {
      throw new HttpError("SourcesBusy", "Too many images are downloading; try again in a moment.", {
        headers: { "Retry-After": "1" },
      });
    }
    this.#downloading++;
    try {
      const fetched = await objects.get(key, { maxBytes, signal });
      const source = { bytes: fetched.bytes, hash: createHash("sha256").update(fetched.bytes).digest("hex") };
      // Key by the ETag the GET answered with: if the object changed between HEAD and GET, this is the truth.
      const storedEtag = fetched.etag ?? etag;
      if (storedEtag !== null) this.cache.set(`${bucket}/${key}#${storedEtag}`, source);
      return { ...source, etag: storedEtag };
    } finally {
      this.#downloading--;
    }
  }
}
