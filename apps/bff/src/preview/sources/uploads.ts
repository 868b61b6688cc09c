import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { open, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { ImageFacts } from "@style-console/contract/dto";
import type { SampleDto, SourceBytes } from "./sample.ts";

const idShape = /^[0-9a-f]{64}$/;

type Stored = SampleDto & { savedAt: string };
const withoutTime = ({ savedAt: _, ...sample }: Stored): SampleDto => sample;

// Write to a temporary file in the same directory, fsync, rename over the target, fsync the directory:
// a crash leaves the old file or the new one, never half of one.
async function writeAtomic(dir: string, name: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dir, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
  const file = await open(temp, "wx", 0o600);
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temp, join(dir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Uploaded preview images in the data directory, content-addressed: `<sha256>` holds the bytes and
 * `<sha256>.json` what was checked about them; the JSON is written last, so a listed upload always
 * has its bytes. The same image uploaded twice is one entry.
 * @example
 * const uploads = new UploadStore(join(dataDir, "uploads"));
 * const sample = await uploads.save(bytes, "cat.jpg", facts); // { id: "9f86…", kind: "upload", … }
 */
export class UploadStore {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  static isId(id: string): boolean {
    return idShape.test(id);
  }

  async save(bytes: Buffer, name: string, facts: ImageFacts): Promise<SampleDto> {
    const id = createHash("sha256").update(bytes).digest("hex");
    const existing = await this.#meta(id);
    if (existing) return withoutTime(existing);
    const sample: SampleDto = { id, name, kind: "upload", ...facts };
    await writeAtomic(this.#dir, id, bytes);
    await writeAtomic(
      this.#dir,
      `${id}.json`,
      `${JSON.stringify({ ...sample, savedAt: new Date().toISOString() })}\n`,
    );
    return sample;
  }

  /** Newest first. */
  async list(): Promise<SampleDto[]> {
    const names = (await readdir(this.#dir)).filter(
      (n) => n.endsWith(".json") && idShape.test(n.slice(0, -5)),
    );
    const metas = await Promise.all(names.map((n) => this.#meta(n.slice(0, -5))));
    return metas
      .filter((m): m is Stored => m !== undefined)
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
      .map(withoutTime);
  }

  async read(id: string): Promise<SourceBytes | undefined> {
    if (!idShape.test(id) || !(await this.#meta(id))) return undefined;
    try {
      return { bytes: await readFile(join(this.#dir, id)), hash: id };
    } catch {
      return undefined;
    }
  }

  /** False when there was no such upload. */
  async remove(id: string): Promise<boolean> {
    if (!idShape.test(id) || !(await this.#meta(id))) return false;
    // Metadata first: once it is gone the upload is no longer listed nor served.
    await rm(join(this.#dir, `${id}.json`), { force: true });
    await rm(join(this.#dir, id), { force: true });
    return true;
  }

  async #meta(id: string): Promise<Stored | undefined> {
    try {
      return JSON.parse(await readFile(join(this.#dir, `${id}.json`), "utf8")) as Stored;
    } catch {
      return undefined;
    }
  }
}
