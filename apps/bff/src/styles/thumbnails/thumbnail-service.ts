import { createHash } from "node:crypto";
import { thumbnailWebp } from "@style-console/imgproc/render";
import { noneMatch } from "../../http/conditional.ts";
import { HttpError } from "../../http/error.ts";
import { ByteLru } from "../../preview/cache/byte-lru.ts";
import type { PreviewRequest, PreviewService } from "../../preview/preview-service.ts";

/** A style's thumbnail: a small WebP of the style applied to a sample, or nothing for a non-image answer. */
export interface Thumbnail {
  /** Strong ETag of this thumbnail: the cache key, from the preview's ETag and the box. */
  etag: string;
  /** WebP bytes; null when the style answers something other than an image (`info`, `average-hue`). */
  data: Buffer | null;
}

export interface ThumbnailOptions {
  /** The preview pipeline that renders the style on the sample (its queue, memory bounds and LRU). */
  preview: Pick<PreviewService, "preview" | "etag">;
  /** Bytes of thumbnails kept (default 16 MB: some 3000 thumbnails of ~5 KB). */
  cacheBytes?: number;
  /** Longest side of a thumbnail in pixels (default 128: 64 CSS px at 2× density). */
  box?: number;
  /** Thumbnails waiting for their turn before the next is answered 503 `PreviewBusy` (default 64). */
  maxWaiting?: number;
}

/** The default sample: OSS's own example image (400×267), small, so a first list of 50 renders quickly. */
export const DEFAULT_THUMBNAIL_SAMPLE = "image-demo_example";

/**
 * Renders style thumbnails through the preview pipeline, one at a time (a list's thumbnails are
 * background work and must never crowd out the editor's live previews), and keeps them in an LRU keyed
 * by the preview's own ETag (sample, canonical content, the ETags of the watermark images it names, the
 * fonts when it draws text) and the box: editing the style, replacing a watermark image or installing a
 * font makes a new thumbnail; anything else is rendered once.
 * @example
 * const thumbs = createThumbnails({ preview: deps.preview.service });
 * const { etag, data } = await thumbs.get("photos", "image/resize,w_200");
 */
export function createThumbnails(options: ThumbnailOptions) {
  const box = options.box ?? 128;
  const maxWaiting = options.maxWaiting ?? 64;
  const cache = new ByteLru<Thumbnail>(
    options.cacheBytes ?? 16 * 1024 * 1024,
    (t) => (t.data?.length ?? 0) + 128,
  );
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  // One render at a time: each thumbnail waits for the previous one, whatever its outcome.
  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (waiting >= maxWaiting) {
      throw new HttpError("PreviewBusy", "Too many thumbnails are waiting; try again in a moment.", {
        headers: { "Retry-After": "2" },
      });
    }
    waiting++;
    const run = tail.then(work, work);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run.finally(() => waiting--);
  }

  // The thumbnail's ETag: the preview's (what is drawn, and on what) and the box.
  const etagFor = (previewEtag: string) =>
    `"${createHash("sha256").update(`${previewEtag}\n${box}`).digest("base64url").slice(0, 32)}"`;

  async function render(request: PreviewRequest, signal?: AbortSignal) {
    const outcome = await options.preview.preview(request, signal);
    if (outcome.notModified) throw new Error("a preview asked without If-None-Match answered 304");
    const { data, contentType } = outcome.rendered;
    const made: Thumbnail = {
      etag: etagFor(outcome.etag),
      data: contentType.startsWith("image/") ? await thumbnailWebp(data, box) : null,
    };
    return made;
  }

  return {
    /**
     * The thumbnail of `content` on `sample` (default {@link DEFAULT_THUMBNAIL_SAMPLE}) for `bucket`,
     * or `notModified` when `ifNoneMatch` (an If-None-Match header) names its ETag: that answer costs
     * the preview's ETag (no render). Throws the preview's errors (`NoSuchSample` 404, `UnknownBucket`
     * 404, `InvalidProcess` 400, …).
     */
    async get(
      bucket: string,
      content: string,
      sample = DEFAULT_THUMBNAIL_SAMPLE,
      signal?: AbortSignal,
      ifNoneMatch?: string,
    ): Promise<
      | { notModified: true; etag: string }
      | { notModified: false; thumbnail: Thumbnail; cache: "hit" | "miss" }
    > {
      const request = { source: `sample:${sample}`, process: content, bucket };
      const etag = etagFor(await options.preview.etag(request, signal));
      if (noneMatch(ifNoneMatch, etag)) return { notModified: true, etag };
      const hit = cache.get(etag);
      if (hit) return { notModified: false, thumbnail: hit, cache: "hit" };
      const thumbnail = await inTurn(async () => {
        // Asked twice while waiting (two tabs): the first render serves both.
        const done = cache.get(etag);
        if (done) return done;
        const made = await render(request, signal);
        // Stored under the ETag of what was drawn (a watermark replaced meanwhile gives a newer one).
        cache.set(made.etag, made);
        return made;
      });
      return { notModified: false, thumbnail, cache: "miss" };
    },
    /** Hits and misses so far, for tests and the bench. */
    stats: () => ({ hits: cache.hits, misses: cache.misses }),
  };
}

export type Thumbnails = ReturnType<typeof createThumbnails>;
