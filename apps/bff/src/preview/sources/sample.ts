import type { ImageFacts } from "./inspect.ts";

/** One preview source the console lists: a built-in sample or an upload. */
export interface SampleDto extends ImageFacts {
  /** `sample:<id>` in a preview's `source`. Built-ins have a name-like id, uploads their SHA-256. */
  id: string;
  name: string;
  kind: "builtin" | "upload";
}

/** A source's bytes with the hash the preview's ETag is built on. */
export interface SourceBytes {
  bytes: Buffer;
  /** SHA-256 of the bytes, hex. */
  hash: string;
}
