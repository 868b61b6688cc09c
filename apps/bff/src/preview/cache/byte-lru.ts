import { LRUCache } from "lru-cache";

/**
 * A least-recently-used map bounded by the total size of its values (bytes), not by their count: one
 * 20 MB source and a thousand 5 KB thumbnails must fit the same budget. `lru-cache` does the work
 * (`maxSize` with `sizeCalculation`; decision 037); this wrapper adds what the preview needs of it:
 * `maxBytes` 0 disables it (the benchmark's "cache off", which `lru-cache` refuses as a size), `set`
 * says whether the value was kept, and hits and misses are counted.
 * @example
 * const cache = new ByteLru<Buffer>(64 * 1024 * 1024, (b) => b.length);
 * cache.set(etag, bytes); // true, or false when bytes alone exceed 64 MB
 */
export class ByteLru<V extends {}> {
  readonly #cache: LRUCache<string, V> | undefined;
  hits = 0;
  misses = 0;

  /** `maxBytes`: the budget in bytes; `sizeOf`: a value's size in bytes (at least 1 is counted). */
  constructor(
    readonly maxBytes: number,
    sizeOf: (value: V) => number,
  ) {
    this.#cache =
      maxBytes > 0
        ? new LRUCache<string, V>({ maxSize: maxBytes, sizeCalculation: (v) => Math.max(1, sizeOf(v)) })
        : undefined;
  }

  /** The value, now the most recently used; undefined (a miss) when absent. */
  get(key: string): V | undefined {
    const value = this.#cache?.get(key);
    if (value === undefined) this.misses++;
    else this.hits++;
    return value;
  }

  has(key: string): boolean {
    return this.#cache?.has(key) ?? false;
  }

  /** Stores the value unless it alone exceeds the budget; evicts the least recent ones to make room. */
  set(key: string, value: V): boolean {
    if (!this.#cache) return false;
    // lru-cache drops the old entry and keeps nothing when the value alone is over maxSize.
    this.#cache.set(key, value);
    return this.#cache.has(key);
  }

  delete(key: string): void {
    this.#cache?.delete(key);
  }

  /** Bytes held, by `sizeOf`. */
  get bytes(): number {
    return this.#cache?.calculatedSize ?? 0;
  }

  get count(): number {
    return this.#cache?.size ?? 0;
  }
}
