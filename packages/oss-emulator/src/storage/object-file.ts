import type { FileHandle } from "node:fs/promises";

/**
 * The on-disk form of one object: its bytes, then its metadata as JSON, then an 8-byte trailer (JSON
 * length, big-endian u32, and the magic `OSE1`). Bytes and metadata live in one file so that a single
 * atomic rename publishes both; the trailer goes last so the body can be streamed in before its size
 * and ETag are known.
 */

export interface ObjectMeta {
  readonly key: string;
  readonly size: number;
  /** Upper-case hex MD5 of the bytes, without quotes (the wire form adds them). */
  readonly etag: string;
  readonly contentType: string;
  /** Milliseconds since the epoch. */
  readonly lastModified: number;
  /** `x-oss-meta-*` headers, names lower-cased. */
  readonly userMeta: Readonly<Record<string, string>>;
  /** Standard headers stored with the object (Content-Disposition, Cache-Control…); absent in older files. */
  readonly headers?: Readonly<Record<string, string>>;
}

const magic = Buffer.from("OSE1", "ascii");
const trailerSize = 8;

/**
 * Appends the metadata and trailer after the body already written at `bodySize` bytes.
 *
 * @example
 * await writeTrailer(fh, meta);
 */
export async function writeTrailer(fh: FileHandle, meta: ObjectMeta): Promise<void> {
  const json = Buffer.from(JSON.stringify(meta), "utf8");
  const trailer = Buffer.alloc(trailerSize);
  trailer.writeUInt32BE(json.length, 0);
  magic.copy(trailer, 4);
  await fh.write(Buffer.concat([json, trailer]), 0, json.length + trailerSize, meta.size);
}

/**
 * Reads the metadata of an open object file; throws when the file is not one (a foreign or damaged file).
 *
 * @example
 * const meta = await readMeta(fh);
 */
export async function readMeta(fh: FileHandle): Promise<ObjectMeta> {
  const { size } = await fh.stat();
  if (size < trailerSize) throw new Error("object file too short for its trailer");
  const trailer = Buffer.alloc(trailerSize);
  await fh.read(trailer, 0, trailerSize, size - trailerSize);
  if (!trailer.subarray(4).equals(magic)) throw new Error("object file trailer has no OSE1 magic");
  const jsonLength = trailer.readUInt32BE(0);
  if (jsonLength > size - trailerSize) throw new Error("object file trailer length is out of range");
  const json = Buffer.alloc(jsonLength);
  await fh.read(json, 0, jsonLength, size - trailerSize - jsonLength);
  const meta = JSON.parse(json.toString("utf8")) as ObjectMeta;
  if (typeof meta.key !== "string" || meta.size !== size - trailerSize - jsonLength) {
    throw new Error("object file metadata does not match its length");
  }
  return meta;
}
