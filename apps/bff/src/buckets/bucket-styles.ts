import type { OssClient } from "@style-console/oss";
import type { BucketObjects } from "./bucket-objects.ts";
import type { LogSource } from "./oss-bucket-logs.ts";

/** A style as the upstream (OSS or the emulator) reports it. */
export interface UpstreamStyle {
  name: string;
  content: string;
  category: string;
  createTime: Date;
  lastModifyTime: Date;
}

/**
 * What the style routes need from one bucket. The OSS adapter implements it over `@style-console/oss`
 * (real V4-signed HTTP, to OSS or the embedded emulator); failures are thrown as `HttpError`s already
 * mapped by `upstream-error.ts`, with the OSS request id.
 */
export interface BucketStyles {
  list(): Promise<UpstreamStyle[]>;
  /** `undefined` when OSS says NoSuchStyle. `signal` aborts the call (also while it waits for its turn). */
  get(name: string, signal?: AbortSignal): Promise<UpstreamStyle | undefined>;
  put(
    name: string,
    content: string,
    category: string | undefined,
    signal?: AbortSignal,
  ): Promise<{ requestId: string | null }>;
  delete(name: string, signal?: AbortSignal): Promise<{ requestId: string | null }>;
}

/** A bucket this console is configured to manage. */
export interface ManagedBucket {
  name: string;
  region: string;
  /** The endpoint the BFF talks to (shown to operators; holds no credential). */
  endpoint: string;
  styleLimit: number;
  styles: BucketStyles;
  /** Its objects: listed as preview sources, fetched for previews and watermarks. */
  objects: BucketObjects;
  /**
   * The OSS client every bucket of this console shares (signed per bucket region): the fleet's bucket
   * calls (processConfiguration, presigned URLs). Absent in tests that fake a bucket.
   */
  client?: OssClient;
  /** Its access logging and the log objects, for the usage index (`usage/`). */
  logs: LogSource;
}
