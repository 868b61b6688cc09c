export type { SampleDto } from "@style-console/contract/dto";

/** A source's bytes with the hash the preview's ETag is built on. */
export interface SourceBytes {
  bytes: Buffer;
  /** SHA-256 of the bytes, hex. */
  hash: string;
}
