import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeAtomic } from "./atomic.ts";
import { createSerial } from "./serial.ts";

/** One bucket's styles, in creation order, persisted as one JSON file replaced atomically on every write. */

export interface StoredStyle {
  readonly name: string;
  readonly content: string;
  readonly category: string;
  /** Milliseconds since the epoch. */
  readonly createTime: number;
  readonly lastModifyTime: number;
}

export type PutOutcome = "created" | "updated" | "over-limit";

const fileName = "styles.json";

export class StyleStore {
  readonly #dir: string;
  #styles: StoredStyle[];
  readonly #serial = createSerial();

  private constructor(dir: string, styles: StoredStyle[]) {
    this.#dir = dir;
    this.#styles = styles;
  }

  /**
   * Loads `dir/styles.json` (an absent file is an empty list).
   *
   * @example
   * const store = await StyleStore.open("/data/buckets/photos");
   */
  static async open(dir: string): Promise<StyleStore> {
    let text: string;
    try {
      text = await readFile(join(dir, fileName), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return new StyleStore(dir, []);
      throw error;
    }
    return new StyleStore(dir, parseStyles(text, join(dir, fileName)));
  }

  /** @example store.list().map((s) => s.name) */
  list(): readonly StoredStyle[] {
    return this.#styles;
  }

  /** @example store.get("thumb")?.content */
  get(name: string): StoredStyle | undefined {
    return this.#styles.find((s) => s.name === name);
  }

  /**
   * Creates or overwrites a style (an overwrite keeps its place and CreateTime, and its category when
   * `category` is undefined). A new style beyond `limit` is refused with `"over-limit"`.
   *
   * @example
   * await store.put({ name: "thumb", content: "image/resize,w_100" }, 50, new Date());
   */
  put(
    input: { name: string; content: string; category?: string | undefined },
    limit: number,
    now: Date,
  ): Promise<PutOutcome> {
    return this.#serial(async () => {
      const at = now.getTime();
      const index = this.#styles.findIndex((s) => s.name === input.name);
      const previous = this.#styles[index];
      if (!previous && this.#styles.length >= limit) return "over-limit";
      const style: StoredStyle = {
        name: input.name,
        content: input.content,
        category: input.category ?? previous?.category ?? "image",
        createTime: previous?.createTime ?? at,
        lastModifyTime: at,
      };
      const next = previous
        ? this.#styles.map((s, i) => (i === index ? style : s))
        : [...this.#styles, style];
      await this.#save(next);
      return previous ? "updated" : "created";
    });
  }

  /**
   * Removes a style; `false` when there was none (which is still a success on the wire).
   *
   * @example
   * await store.delete("thumb");
   */
  delete(name: string): Promise<boolean> {
    return this.#serial(async () => {
      const next = this.#styles.filter((s) => s.name !== name);
      if (next.length === this.#styles.length) return false;
      await this.#save(next);
      return true;
    });
  }

  async #save(next: StoredStyle[]): Promise<void> {
    const json = `${JSON.stringify({ version: 1, styles: next }, null, 1)}\n`;
    await writeAtomic(this.#dir, fileName, (fh) => fh.writeFile(json, "utf8"));
    // Memory follows the disk only once the rename is durable, so a failed write changes nothing.
    this.#styles = next;
  }
}

function parseStyles(text: string, path: string): StoredStyle[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); refusing to start over it.`);
  }
  const styles = (parsed as { styles?: unknown }).styles;
  if (!Array.isArray(styles) || !styles.every(isStoredStyle)) {
    throw new Error(`${path} does not hold a { styles: [...] } list of styles; refusing to start over it.`);
  }
  return styles;
}

function isStoredStyle(value: unknown): value is StoredStyle {
  const s = value as Record<string, unknown>;
  return (
    typeof s === "object" &&
    s !== null &&
    typeof s.name === "string" &&
    typeof s.content === "string" &&
    typeof s.category === "string" &&
    typeof s.createTime === "number" &&
    typeof s.lastModifyTime === "number"
  );
}
