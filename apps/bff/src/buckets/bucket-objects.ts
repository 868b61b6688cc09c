import type { ObjectPage } from "@style-console/contract/dto";

/** An object's bytes, read whole but never past the caller's cap. */
export interface FetchedObject {
  bytes: Buffer;
  etag: string | null;
  contentType: string | null;
  requestId: string | null;
}

export interface GetOptions {
  /** Refuse (413 SourceTooLarge) an object larger than this, before or while reading it. */
  maxBytes: number;
  /** `x-oss-process`: the backend renders the object itself (parity). */
  process?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * What the preview needs from one bucket's objects. Implemented over `@style-console/oss` (V4-signed
 * GetObject/HeadObject/ListObjectsV2, to OSS or the embedded emulator); failures are `HttpError`s
 * with the OSS request id, NoSuchKey a 404.
 */
export interface BucketObjects {
  list(options: { prefix?: string; cursor?: string; maxKeys: number }): Promise<ObjectPage>;
  /** The object's ETag (the cache key of its bytes), or null when OSS sends none. */
  etag(key: string, signal?: AbortSignal): Promise<string | null>;
  get(key: string, options: GetOptions): Promise<FetchedObject>;
}
