import { createHash } from "node:crypto";
import { isErrorCode } from "@style-console/contract/errors";
import {
  estimateDecodeMemory,
  estimateRenderMemory,
  fontsFingerprint,
  isRenderError,
  LIMITS,
  type MemoryEstimate,
  probeHeader,
  type RenderInfo,
  render,
} from "@style-console/imgproc/render";
import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import { bucketLookup } from "../buckets/managed-buckets.ts";
import { noneMatch } from "../http/conditional.ts";
import { HttpError } from "../http/error.ts";
import type { ByteLru } from "./cache/byte-lru.ts";
import { type Draft, parseDraft } from "./draft.ts";
import type { RenderQueue } from "./queue/render-queue.ts";
import type { BuiltinSamples } from "./sources/builtin.ts";
import type { ObjectSources } from "./sources/object-sources.ts";
import type { Uploads } from "./sources/object-uploads.ts";
import type { SourceBytes } from "./sources/sample.ts";
import { parseSourceRef, type SourceRef } from "./sources/source-ref.ts";

/** A rendered preview as the LRU keeps it. */
export interface Rendered {
  data: Buffer;
  info: RenderInfo;
  contentType: string;
  warnings: string[];
}

export interface PreviewRequest {
  source: string;
  process: string;
  /** The bucket whose styles and watermark images a sample's draft uses (default: the first one). */
  bucket?: string | undefined;
}

export interface Timing {
  name: string;
  ms: number;
}

export type PreviewOutcome =
  | { notModified: true; etag: string; timings: Timing[] }
  | { notModified: false; etag: string; rendered: Rendered; cache: "hit" | "miss"; timings: Timing[] };

export interface PreviewServiceOptions {
  buckets: readonly ManagedBucket[];
  samples: BuiltinSamples;
  uploads: Uploads;
  objects: ObjectSources;
  queue: RenderQueue;
  /** Rendered results by ETag. */
  results: ByteLru<Rendered>;
  /** Changes every ETag when the renderer may render differently (a new console version). */
  version: string;
  renderTimeoutMs?: number;
  /** Source objects larger than this are refused (default 20 MB, the OSS limit). */
  maxSourceBytes?: number;
  /** Watermark images larger than this are refused (default 5 MB). */
  maxWatermarkBytes?: number;
  /** The installed fonts' fingerprint (default: imgproc's, from fontconfig); tests inject their own. */
  fontsFingerprint?: () => Promise<string>;
  /** For tests only: awaited inside the render slot before rendering, to hold a render open. */
  beforeRender?: () => Promise<void>;
}

const MB = 1024 * 1024;

/** Whether a canonical draft draws text: an OSS `text_` watermark or a JD `wmt`. */
const drawsText = (canonical: string) => /[/,]text_|(^|\/)wmt\//.test(canonical);

const since = (start: number) => performance.now() - start;

/**
 * The HTTP answer to a render's failure: a `ProcessTimeout` whose CPU time ran out is 422
 * `PreviewTooExpensive` (naming the operation, not to be retried), one that hit the wall-clock backstop
 * first is 503 `PreviewBusy` with `Retry-After` (decision 031); other RenderErrors keep their code.
 * Anything else is returned as it is.
 * @example
 * throw toHttpError(error, 20_000);
 */
export function toHttpError(error: unknown, timeoutMs: number): unknown {
  if (!isRenderError(error)) return error;
  // The render had its slot and its memory: running out of its own CPU time is this image's and this
  // draft's cost, and the same draft on the same image will cost as much again. Not busy (503): too
  // expensive (422). Running into the wall-clock backstop first means the machine (or a watermark's
  // download) was too slow just now: busy, retry later (503 + Retry-After).
  if (error.code === "ProcessTimeout") {
    const operation = error.operation ?? "the draft";
    if (error.limit === "wall") {
      return new HttpError(
        "PreviewBusy",
        `Rendering \`${operation}\` did not finish in time because the server is busy; try again in a moment.`,
        { cause: error, headers: { "Retry-After": "5" } },
      );
    }
    return new HttpError(
      "PreviewTooExpensive",
      `Rendering \`${operation}\` on this image takes more than ${Math.round(timeoutMs / 1000)} s of CPU time, and would every time: make the image smaller first (resize before the expensive action) or use a smaller image.`,
      { details: { operation, reason: "time", limitSeconds: Math.round(timeoutMs / 1000) } },
    );
  }
  // Any other refusal keeps its code (the contract's table holds every code imgproc raises) and OSS's EC.
  const code = isErrorCode(error.code) ? error.code : "InternalError";
  return new HttpError(code, error.message, {
    cause: error,
    ...(error.ossCode === undefined ? {} : { details: { ec: error.ossCode } as never }),
  });
}

/**
 * The preview pipeline: source → draft → ETag → (304 | LRU | render queue). The ETag hashes the
 * source's content, the draft's canonical text (a saved style resolved to its content) and the ETags of
 * its watermark images, so it changes exactly when the rendered bytes may.
 * @example
 * const out = await previews.preview({ source: "sample:flowers", process: "image/resize,w_200" }, signal);
 */
export function createPreviewService(options: PreviewServiceOptions) {
  const maxSourceBytes = options.maxSourceBytes ?? LIMITS.maxInputBytes;
  const maxWatermarkBytes = options.maxWatermarkBytes ?? 5 * MB;
  const bucketNamed = bucketLookup(options.buckets);

  // The bucket a draft's `style/…` and watermark images come from.
  function contextBucket(ref: SourceRef, bucket: string | undefined): () => ManagedBucket {
    return () => {
      if (ref.kind === "object") return bucketNamed(ref.bucket);
      if (bucket !== undefined) return bucketNamed(bucket);
      const first = options.buckets[0];
      if (!first) throw new HttpError("NoBucket", "Styles and watermark images need a configured bucket.");
      return first;
    };
  }

  async function loadSource(ref: SourceRef, signal?: AbortSignal): Promise<SourceBytes> {
    if (ref.kind === "object") {
      return options.objects.load(
        bucketNamed(ref.bucket).objects,
        ref.bucket,
        ref.key,
        maxSourceBytes,
        signal,
      );
    }
    const found = (await options.samples.read(ref.id)) ?? (await options.uploads.read(ref.id));
    if (!found) throw new HttpError("NoSuchSample", `There is no sample or upload "${ref.id}".`);
    return found;
  }

  // Where a watermark image lives: JD writes `bucket:object` (a managed bucket), Alibaba an object key of
  // the draft's bucket.
  function watermarkObject(draft: Draft, name: string, bucket: () => ManagedBucket) {
    const colon = name.indexOf(":");
    if (draft.jd && colon > 0)
      return { bucket: bucketNamed(name.slice(0, colon)), key: name.slice(colon + 1) };
    return { bucket: bucket(), key: name };
  }

  /** A watermark image the draft names, with the ETag OSS gave it when the preview's ETag was made. */
  interface Mark {
    name: string;
    bucket: ManagedBucket;
    key: string;
    etag: string | null;
  }

  async function etagOf(
    source: SourceBytes,
    draft: Draft,
    bucket: () => ManagedBucket,
    signal?: AbortSignal,
  ): Promise<{ etag: string; marks: Mark[] }> {
    const parts = [options.version, source.hash, draft.canonical];
    // Text is drawn (and its missing glyphs warned about) with the fonts installed now: a font
    // installed later must not be answered with an earlier render or its stale warning.
    if (drawsText(draft.canonical)) parts.push(await (options.fontsFingerprint ?? fontsFingerprint)());
    const marks: Mark[] = [];
    for (const name of draft.watermarkKeys) {
      const mark = watermarkObject(draft, name, bucket);
      const etag = await mark.bucket.objects.etag(mark.key, signal);
      marks.push({ name, ...mark, etag });
      parts.push(mark.bucket.name, mark.key, String(etag));
    }
    const etag = `"${createHash("sha256").update(parts.join("\n")).digest("base64url").slice(0, 32)}"`;
    return { etag, marks };
  }

  // Before the render slot is taken: a download must neither hold a slot nor outlive the client.
  async function prefetchMarks(marks: Mark[], signal?: AbortSignal): Promise<Map<string, Uint8Array>> {
    const loaded = await Promise.all(
      marks.map(async (m) => {
        const { bytes } = await options.objects.loadAt(
          m.bucket.objects,
          m.bucket.name,
          m.key,
          m.etag,
          maxWatermarkBytes,
          signal,
        );
        return [m.name, bytes] as const;
      }),
    );
    return new Map(loaded);
  }

  async function renderNow(
    source: SourceBytes,
    draft: Draft,
    marks: Map<string, Uint8Array>,
  ): Promise<Rendered> {
    await options.beforeRender?.();
    try {
      // "?" is an empty query: the renderer answers the original with its facts.
      const { data, info, contentType, warnings } = await render(source.bytes, draft.canonical || "?", {
        timeoutMs: options.renderTimeoutMs ?? LIMITS.timeoutMs,
        resolveImage: async (name) => {
          const bytes = marks.get(name);
          // Every image the draft names was fetched above; anything else is a renderer/draft mismatch.
          if (!bytes) throw new HttpError("NoSuchWatermark", `The watermark image "${name}" was not found.`);
          return bytes;
        },
      });
      return { data, info, contentType, warnings };
    } catch (error) {
      throw toHttpError(error, options.renderTimeoutMs ?? LIMITS.timeoutMs);
    }
  }

  // From the header only: what the render will hold at its peak. A draft that can never fit is refused
  // here with what needs the memory; one that fits waits in the queue until the running ones leave room.
  // A watermark image is decoded too, and held as RGBA while it is composited: a 5 MB logo can be a
  // 15000×15000 WebP as well as the main image can.
  async function withMarks(cost: MemoryEstimate, images: Map<string, Uint8Array>): Promise<MemoryEstimate> {
    let bytes = cost.bytes;
    for (const [name, mark] of images) {
      try {
        const header = await probeHeader(mark);
        bytes += estimateDecodeMemory(header).bytes + header.width * header.height * 4;
      } catch {
        // Not an image: the render refuses it with the watermark's own error.
        continue;
      }
      if (bytes > options.queue.memoryBytes) {
        const neededMB = Math.ceil(bytes / MB);
        const limitMB = Math.floor(options.queue.memoryBytes / MB);
        throw new HttpError(
          "PreviewTooExpensive",
          `The watermark image "${name}" brings this preview to about ${neededMB} MB; previews may use ${limitMB} MB (PREVIEW_MEMORY_MB). Use a smaller watermark image.`,
          { details: { operation: `watermark ${name}`, reason: "memory", neededMB, limitMB } },
        );
      }
    }
    return { ...cost, bytes };
  }

  async function costOf(source: SourceBytes, draft: Draft): Promise<MemoryEstimate> {
    let estimate: MemoryEstimate;
    let size = "";
    try {
      const header = await probeHeader(source.bytes, maxSourceBytes);
      size = `${header.width}×${header.height}${header.frames > 1 ? `×${header.frames} frames` : ""} ${header.format.toUpperCase()}`;
      estimate = estimateRenderMemory(header, draft.canonical || "?");
    } catch (error) {
      throw toHttpError(error, 0);
    }
    const budget = options.queue.memoryBytes;
    if (estimate.bytes > budget) {
      const neededMB = Math.ceil(estimate.bytes / MB);
      const limitMB = Math.floor(budget / MB);
      throw new HttpError(
        "PreviewTooExpensive",
        `\`${estimate.step}\` on this ${size} image needs about ${neededMB} MB; previews may use ${limitMB} MB (PREVIEW_MEMORY_MB). Resize first, or use a smaller image.`,
        { details: { operation: estimate.step, reason: "memory", neededMB, limitMB } },
      );
    }
    return estimate;
  }

  // What a request draws and on what, up to its ETag (the steps before any render), timed into
  // `timings`: shared by `preview` and `etag`, so both name a request the same way.
  async function identify(request: PreviewRequest, timings: Timing[], signal?: AbortSignal) {
    const ref = parseSourceRef(request.source);
    const bucket = contextBucket(ref, request.bucket);
    let start = performance.now();
    const draft = await parseDraft(request.process, () => bucket().styles);
    timings.push({ name: "style", ms: since(start) });
    start = performance.now();
    const source = await loadSource(ref, signal);
    timings.push({ name: "fetch", ms: since(start) });
    start = performance.now();
    // The fonts' fingerprint (text drafts) and the watermark images' ETags are asked for here.
    const { etag, marks } = await etagOf(source, draft, bucket, signal);
    timings.push({ name: "etag", ms: since(start) });
    return { draft, source, etag, marks };
  }

  async function preview(
    request: PreviewRequest,
    signal?: AbortSignal,
    ifNoneMatch?: string,
  ): Promise<PreviewOutcome> {
    const timings: Timing[] = [];
    const { draft, source, etag, marks } = await identify(request, timings, signal);
    if (noneMatch(ifNoneMatch, etag)) return { notModified: true, etag, timings };
    const cached = options.results.get(etag);
    if (cached) return { notModified: false, etag, rendered: cached, cache: "hit", timings };
    let start = performance.now();
    // Both before the render slot: the estimate (which may refuse the draft) and the downloads.
    const [sourceCost, images] = await Promise.all([costOf(source, draft), prefetchMarks(marks, signal)]);
    if (marks.length > 0) timings.push({ name: "watermarks", ms: since(start) });
    const admitting = performance.now();
    const cost = await withMarks(sourceCost, images);
    // The memory estimate (header reads) is the server's time too: without watermarks it is all of
    // this step; with them it ran alongside their downloads, so only what follows them is added.
    timings.push({ name: "admit", ms: since(marks.length > 0 ? admitting : start) });
    start = performance.now();
    const { value, waitedMs } = await options.queue.run(() => renderNow(source, draft, images), signal, cost);
    timings.push({ name: "queue", ms: waitedMs }, { name: "render", ms: since(start) - waitedMs });
    options.results.set(etag, value);
    return { notModified: false, etag, rendered: value, cache: "miss", timings };
  }

  /**
   * The ETag {@link preview} would give `request` now, without rendering: the source is loaded (its
   * LRU), the draft parsed and the watermark images asked for their ETags (a HeadObject each), the
   * fonts fingerprint read when text is drawn. Throws what `preview` throws before it renders.
   * @example
   * await service.etag({ source: "sample:flowers", process: "image/resize,w_90", bucket: "photos" });
   */
  async function etag(request: PreviewRequest, signal?: AbortSignal): Promise<string> {
    return (await identify(request, [], signal)).etag;
  }

  return { preview, etag, bucketNamed, loadSource };
}

export type PreviewService = ReturnType<typeof createPreviewService>;
