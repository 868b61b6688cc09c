import { availableParallelism } from "node:os";
import type { MemoryBudget } from "@style-console/imgproc/budget";
import { setRenderThreads } from "@style-console/imgproc/render";
import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import { ByteLru } from "./cache/byte-lru.ts";
import { createPreviewService, type Rendered } from "./preview-service.ts";
import { RenderQueue } from "./queue/render-queue.ts";
import { BuiltinSamples } from "./sources/builtin.ts";
import { ObjectSources } from "./sources/object-sources.ts";
import type { Uploads } from "./sources/object-uploads.ts";
import { UploadStore } from "./sources/uploads.ts";

export interface PreviewConfig {
  /** Renders at once (default: the core count, `os.availableParallelism()`). */
  concurrency?: number;
  /** Renders waiting for a slot before the next gets 503 (default 4 per slot). */
  maxWaiting?: number;
  /** Bytes of rendered results kept (default 64 MB; 0 disables the LRU). */
  resultCacheBytes?: number;
  /** Bytes of fetched bucket objects kept (default 96 MB). */
  sourceCacheBytes?: number;
  /** Uncached bucket objects downloading at once before the next gets 503 (default 6). */
  maxDownloads?: number;
  renderTimeoutMs?: number;
  /**
   * Bytes the running renders and upload checks may hold together, by their estimates (default
   * 256 MB, so that the console stays under 512 MB whatever it is sent). A draft whose estimate is
   * larger is refused (422) with what needs the memory.
   */
  memoryBytes?: number;
  /**
   * The process's image-memory budget, shared with the embedded emulator's `x-oss-process` gate (on
   * the embedded default both render in this process); replaces `memoryBytes` when given.
   */
  memory?: MemoryBudget;
  /** Longest wait for a render slot before a 503 with Retry-After (default 15 s). */
  maxWaitMs?: number;
  /** An upload whose body pauses this long is dropped with a 408 (default 10 s). */
  uploadIdleTimeoutMs?: number;
  /** An upload whose body takes longer than this in all is dropped with a 408 (default 60 s). */
  uploadTimeoutMs?: number;
  /** Bucket objects larger than this are refused as sources (default 20 MB, the OSS limit). */
  maxSourceBytes?: number;
  /** libvips threads per render (default: cores ÷ concurrency, so renders × threads ≤ cores). */
  sharpThreads?: number;
  /** For tests: awaited inside the render slot before each render. */
  beforeRender?: () => Promise<void>;
}

export interface PreviewDepsOptions extends PreviewConfig {
  buckets: readonly ManagedBucket[];
  /** The built-in sample images (apps/bff/samples). */
  samplesDir: string;
  /** Where uploads are kept (`<DATA_DIR>/uploads`) when no shared store is given. */
  uploadsDir: string;
  /** Uploads every replica can read (`UPLOADS_LOCATION`); default: files under `uploadsDir`. */
  uploadStore?: Uploads | undefined;
  version: string;
}

const MB = 1024 * 1024;

/**
 * Wires the preview's parts. Sets libvips' thread pool (imgproc's `setRenderThreads`) so the queue's renders times libvips' threads
 * per render stay within the cores: more threads than cores only adds contention under load.
 * @example
 * const preview = createPreviewDeps({ buckets, samplesDir, uploadsDir, version });
 */
export function createPreviewDeps(options: PreviewDepsOptions) {
  const cores = availableParallelism();
  const concurrency = options.concurrency ?? cores;
  setRenderThreads(options.sharpThreads ?? Math.max(1, Math.floor(cores / concurrency)));
  const queue = new RenderQueue({
    concurrency,
    maxWaiting: options.maxWaiting ?? 4 * concurrency,
    ...(options.memory ? { memory: options.memory } : { memoryBytes: options.memoryBytes ?? 256 * MB }),
    maxWaitMs: options.maxWaitMs ?? 15_000,
  });
  const results = new ByteLru<Rendered>(
    options.resultCacheBytes ?? 64 * MB,
    (r) => r.data.length + r.warnings.join("").length + 256,
  );
  const samples = new BuiltinSamples(options.samplesDir);
  const uploads: Uploads = options.uploadStore ?? new UploadStore(options.uploadsDir);
  const objects = new ObjectSources({
    cacheBytes: options.sourceCacheBytes ?? 96 * MB,
    ...(options.maxDownloads === undefined ? {} : { maxDownloads: options.maxDownloads }),
  });
  const service = createPreviewService({
    buckets: options.buckets,
    samples,
    uploads,
    objects,
    queue,
    results,
    version: options.version,
    ...(options.renderTimeoutMs === undefined ? {} : { renderTimeoutMs: options.renderTimeoutMs }),
    ...(options.maxSourceBytes === undefined ? {} : { maxSourceBytes: options.maxSourceBytes }),
    ...(options.beforeRender === undefined ? {} : { beforeRender: options.beforeRender }),
  });
  const uploadTimeouts = {
    idleMs: options.uploadIdleTimeoutMs ?? 10_000,
    totalMs: options.uploadTimeoutMs ?? 60_000,
  };
  return { service, queue, results, samples, uploads, objects, buckets: options.buckets, uploadTimeouts };
}

export type PreviewDeps = ReturnType<typeof createPreviewDeps>;
