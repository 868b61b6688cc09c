import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeAtomic } from "../storage/atomic.ts";

/**
 * The logging configuration of each bucket (PutBucketLogging), one JSON file per bucket
 * (`<data>/buckets/<bucket>/logging.json`) replaced atomically, cached in memory.
 */

export interface LoggingConfig {
  readonly targetBucket: string;
  /** May be empty (§1.2). */
  readonly targetPrefix: string;
  /** Kept only when the client sent one (§1.5: clients tolerate its absence). */
  readonly loggingRole?: string | undefined;
}

const FILE = "logging.json";

export class LoggingConfigStore {
  readonly #root: string;
  readonly #cache = new Map<string, LoggingConfig | undefined>();

  /** @param dataDir the emulator's data directory (buckets live in `<dataDir>/buckets`). */
  constructor(dataDir: string) {
    this.#root = join(dataDir, "buckets");
  }

  /**
   * Reads every bucket's configuration once at start-up, so the request path never touches the disk.
   *
   * @example
   * await store.load(["photos", "logs"]);
   */
  async load(buckets: Iterable<string>): Promise<void> {
    for (const bucket of buckets) {
      let text: string;
      try {
        text = await readFile(join(this.#root, bucket, FILE), "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") {
          this.#cache.set(bucket, undefined);
          continue;
        }
        throw error;
      }
      const parsed = JSON.parse(text) as Partial<LoggingConfig> | null;
      if (
        parsed !== null &&
        (typeof parsed.targetBucket !== "string" || typeof parsed.targetPrefix !== "string")
      )
        throw new Error(
          `${join(this.#root, bucket, FILE)} is not a logging configuration; refusing to start over it.`,
        );
      this.#cache.set(bucket, parsed === null ? undefined : (parsed as LoggingConfig));
    }
  }

  /** @example store.get("photos")?.targetBucket */
  get(bucket: string): LoggingConfig | undefined {
    return this.#cache.get(bucket);
  }

  /**
   * Sets (or, with `undefined`, clears) a bucket's configuration durably before the caller answers.
   *
   * @example
   * await store.set("photos", { targetBucket: "logs", targetPrefix: "photos/" });
   */
  async set(bucket: string, config: LoggingConfig | undefined): Promise<void> {
    const json = JSON.stringify(config ?? null);
    await writeAtomic(join(this.#root, bucket), FILE, (fh) => fh.writeFile(json, "utf8"));
    this.#cache.set(bucket, config);
  }
}
