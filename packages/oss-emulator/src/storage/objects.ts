import { createHash } from "node:crypto";
import { mkdir, open } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { cleanTemporaries, commitTemp, discardTemp, removeDurably, writeTemp } from "./atomic.ts";
import { type ObjectMeta, readMeta, writeTrailer } from "./object-file.ts";
import { createSerial } from "./serial.ts";

export type { ObjectMeta } from "./object-file.ts";

/**
 * One bucket's objects: one file per object named by the SHA-256 of its key (keys may hold any
 * character), and an in-memory index rebuilt from the files' trailers at start-up.
 */

export interface ObjectInput {
  readonly key: string;
  readonly contentType: string;
  readonly userMeta: Readonly<Record<string, string>>;
  /** Standard headers to keep (Content-Disposition, Cache-Control…). */
  readonly headers?: Readonly<Record<string, string>>;
  /** `x-oss-forbid-overwrite`: publish only if the key is absent at commit time, else `ObjectExistsError`. */
  readonly ifAbsent?: boolean;
  /** Pushes the body into `sink`; the store hashes and counts it. */
  readonly feed: (sink: (chunk: Buffer) => Promise<void>) => Promise<void>;
  /** Called with the body's MD5 before anything is published; throw to abandon the write. */
  readonly verify?: (md5: Buffer) => void;
}

export interface OpenedObject {
  readonly meta: ObjectMeta;
  /** Streams bytes `start`..`end` inclusive (the whole body by default) and closes the file. */
  readonly stream: (start?: number, end?: number) => Readable;
  readonly close: () => Promise<void>;
}

/** `put` with `ifAbsent` found the key already there; nothing was written. */
export class ObjectExistsError extends Error {
  constructor(readonly key: string) {
    super(`The object "${key}" already exists.`);
    this.name = "ObjectExistsError";
  }
}

const fileOf = (key: string): string => createHash("sha256").update(key, "utf8").digest("hex");

export class ObjectStore {
  readonly #dir: string;
  readonly #index: Map<string, ObjectMeta>;
  #sorted: ObjectMeta[] | undefined;
  readonly #serial = createSerial();

  private constructor(dir: string, index: Map<string, ObjectMeta>) {
    this.#dir = dir;
    this.#index = index;
  }

  /**
   * Opens (creating) `dir`, drops temporaries a crash left, and indexes every object file.
   *
   * @example
   * const objects = await ObjectStore.open("/data/buckets/photos/objects");
   */
  static async open(dir: string): Promise<ObjectStore> {
    await mkdir(dir, { recursive: true });
    const index = new Map<string, ObjectMeta>();
    for (const name of await cleanTemporaries(dir)) {
      const fh = await open(join(dir, name), "r");
      try {
        const meta = await readMeta(fh);
        index.set(meta.key, meta);
      } catch (error) {
        throw new Error(
          `${join(dir, name)} is not an object file (${(error as Error).message}); refusing to start over it.`,
        );
      } finally {
        await fh.close();
      }
    }
    return new ObjectStore(dir, index);
  }

  /** @example objects.head("cat.jpg")?.size */
  head(key: string): ObjectMeta | undefined {
    return this.#index.get(key);
  }

  /**
   * Every object, sorted by the UTF-8 bytes of its key (the ListObjects order).
   *
   * @example
   * objects.sorted().map((m) => m.key);
   */
  sorted(): readonly ObjectMeta[] {
    this.#sorted ??= [...this.#index.values()].sort((a, b) =>
      Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)),
    );
    return this.#sorted;
  }

  /**
   * Writes an object atomically; resolves with its metadata once it is durable and listed.
   *
   * @example
   * await objects.put({ key: "a.txt", contentType: "text/plain", userMeta: {}, feed: (sink) => sink(bytes) }, new Date());
   */
  async put(input: ObjectInput, now: Date): Promise<ObjectMeta> {
    const name = fileOf(input.key);
    let meta: ObjectMeta | undefined;
    const temp = await writeTemp(this.#dir, name, async (fh) => {
      const md5 = createHash("md5");
      let size = 0;
      await input.feed(async (chunk) => {
        md5.update(chunk);
        await fh.write(chunk, 0, chunk.length, size);
        size += chunk.length;
      });
      const digest = md5.digest();
      input.verify?.(digest);
      const etag = digest.toString("hex").toUpperCase();
      meta = {
        key: input.key,
        size,
        etag,
        contentType: input.contentType,
        lastModified: now.getTime(),
        userMeta: input.userMeta,
        ...(input.headers && Object.keys(input.headers).length > 0 ? { headers: input.headers } : {}),
      };
      await writeTrailer(fh, meta);
    });
    const written = meta;
    if (!written) {
      await discardTemp(temp);
      throw new Error("object write finished without metadata");
    }
    // Publishing in call order keeps the index and the directory agreeing on the last writer.
    return this.#serial(async () => {
      if (input.ifAbsent && this.#index.has(input.key)) {
        await discardTemp(temp);
        throw new ObjectExistsError(input.key);
      }
      await commitTemp(temp, this.#dir, name);
      this.#index.set(input.key, written);
      this.#sorted = undefined;
      return written;
    });
  }

  /**
   * Opens an object for reading; the open file keeps its bytes even if a later write replaces it.
   *
   * @example
   * const obj = await objects.open("cat.jpg"); obj?.stream().pipe(res);
   */
  async open(key: string): Promise<OpenedObject | undefined> {
    if (!this.#index.has(key)) return undefined;
    let fh: Awaited<ReturnType<typeof open>>;
    try {
      fh = await open(join(this.#dir, fileOf(key)), "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const meta = await readMeta(fh).catch(async (error: unknown) => {
      await fh.close();
      throw error;
    });
    return {
      meta,
      stream: (start = 0, end = meta.size - 1) => {
        if (end < start) {
          // An empty body: createReadStream cannot express a zero-length range.
          void fh.close();
          return Readable.from([]);
        }
        return fh.createReadStream({ start, end, autoClose: true });
      },
      close: () => fh.close(),
    };
  }

  /**
   * Deletes an object; `false` when there was none.
   *
   * @example
   * await objects.delete("cat.jpg");
   */
  delete(key: string): Promise<boolean> {
    return this.#serial(async () => {
      if (!this.#index.has(key)) return false;
      await removeDurably(this.#dir, fileOf(key));
      this.#index.delete(key);
      this.#sorted = undefined;
      return true;
    });
  }
}
