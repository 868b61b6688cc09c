import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeAtomic } from "./atomic.ts";
import { createSerial } from "./serial.ts";

/**
 * What a bucket knows about itself beyond its styles and objects: its region, when it was created, and
 * its image-processing configuration (`?processConfiguration`, oss-logging-buckets.md §7.1), persisted
 * as `<bucket>/bucket.json` and replaced atomically.
 */

/** The style delimiters OSS allows (legacy "Image styles" page; oss-logging-buckets.md §7.2). */
export const styleDelimiters = ["-", "_", "/", "!"] as const;
export type StyleDelimiter = (typeof styleDelimiters)[number];

/** `BucketProcessConfiguration` as GetProcessConfiguration answers it (Java v1 `ImageProcess`). */
export interface ProcessConfiguration {
  /** `Img`: delimiters only on the legacy IMG domain; `Both`: also on OSS domains (the default). */
  readonly compliedHost: "Img" | "Both";
  readonly sourceFileProtect: "Enabled" | "Disabled";
  /** `""` unless protection is enabled (the server clears it otherwise, J1-PROCTEST). */
  readonly sourceFileProtectSuffix: string;
  /** Active delimiters in the server's normal order (`-`, `_`, `/`, `!`). */
  readonly styleDelimiters: readonly StyleDelimiter[];
  readonly ossDomainSupportAtProcess: "Enabled" | "Disabled";
  /** Milliseconds since the epoch of the last PutProcessConfiguration (creation time before any). */
  readonly lastModified: number;
}

export interface BucketMeta {
  /** Region id without `oss-`, e.g. `cn-hangzhou`. */
  readonly region: string;
  /** Milliseconds since the epoch. */
  readonly creationDate: number;
  readonly process: ProcessConfiguration;
}

const fileName = "bucket.json";

/**
 * The configuration a new bucket starts with (J1-PROCTEST: `Both`, protection off, no delimiters).
 *
 * @example
 * defaultProcessConfiguration(Date.now()).compliedHost; // "Both"
 */
export function defaultProcessConfiguration(at: number): ProcessConfiguration {
  return {
    compliedHost: "Both",
    sourceFileProtect: "Disabled",
    sourceFileProtectSuffix: "",
    styleDelimiters: [],
    ossDomainSupportAtProcess: "Disabled",
    lastModified: at,
  };
}

export class BucketMetaStore {
  readonly #dir: string;
  #meta: BucketMeta;
  readonly #serial = createSerial();

  private constructor(dir: string, meta: BucketMeta) {
    this.#dir = dir;
    this.#meta = meta;
  }

  /**
   * Loads `dir/bucket.json`; a bucket without one (made by an older version) is written with
   * `fallbackRegion` and the current time. A region that differs from `requiredRegion` stops the start-up:
   * a bucket never moves between regions.
   *
   * @example
   * const meta = await BucketMetaStore.open("/data/buckets/photos", "cn-hangzhou");
   */
  static async open(dir: string, fallbackRegion: string, requiredRegion?: string): Promise<BucketMetaStore> {
    const path = join(dir, fileName);
    let text: string | undefined;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    if (text === undefined) {
      const now = Date.now();
      const meta: BucketMeta = {
        region: requiredRegion ?? fallbackRegion,
        creationDate: now,
        process: defaultProcessConfiguration(now),
      };
      const store = new BucketMetaStore(dir, meta);
      await store.#save(meta);
      return store;
    }
    const meta = parseMeta(text, path);
    if (requiredRegion !== undefined && meta.region !== requiredRegion) {
      throw new Error(
        `Bucket "${dir.split(/[\\/]/).pop()}" already exists in region ${meta.region}, not ${requiredRegion}; a bucket cannot move between regions.`,
      );
    }
    return new BucketMetaStore(dir, meta);
  }

  /** @example meta.get().region */
  get(): BucketMeta {
    return this.#meta;
  }

  /**
   * Replaces the image-processing configuration (PutProcessConfiguration).
   *
   * @example
   * await meta.setProcess({ ...meta.get().process, styleDelimiters: ["!"] }, new Date());
   */
  setProcess(process: Omit<ProcessConfiguration, "lastModified">, now: Date): Promise<void> {
    return this.#serial(() =>
      this.#save({ ...this.#meta, process: { ...process, lastModified: now.getTime() } }),
    );
  }

  async #save(next: BucketMeta): Promise<void> {
    const json = `${JSON.stringify({ version: 1, ...next }, null, 1)}\n`;
    await writeAtomic(this.#dir, fileName, (fh) => fh.writeFile(json, "utf8"));
    this.#meta = next;
  }
}

function parseMeta(text: string, path: string): BucketMeta {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); refusing to start over it.`);
  }
  const p = parsed.process as Record<string, unknown> | undefined;
  const ok =
    typeof parsed.region === "string" &&
    typeof parsed.creationDate === "number" &&
    typeof p === "object" &&
    p !== null &&
    (p.compliedHost === "Img" || p.compliedHost === "Both") &&
    (p.sourceFileProtect === "Enabled" || p.sourceFileProtect === "Disabled") &&
    typeof p.sourceFileProtectSuffix === "string" &&
    Array.isArray(p.styleDelimiters) &&
    p.styleDelimiters.every((d) => styleDelimiters.includes(d as StyleDelimiter)) &&
    (p.ossDomainSupportAtProcess === "Enabled" || p.ossDomainSupportAtProcess === "Disabled") &&
    typeof p.lastModified === "number";
  if (!ok)
    throw new Error(`${path} does not hold a bucket's region and settings; refusing to start over it.`);
  return parsed as unknown as BucketMeta;
}
