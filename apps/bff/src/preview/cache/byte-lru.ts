/**
 * A least-recently-used map bounded by the total size of its values (bytes), not by their count: one
 * 20 MB source and a thousand 5 KB thumbnails must fit the same budget. `maxBytes` 0 disables it
 * (the benchmark's "cache off"). Single-threaded JS: no locking needed.
 */
export class ByteLru<V> {
  readonly #entries = new Map<string, { value: V; size: number }>();
  readonly #sizeOf: (value: V) => number;
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly maxBytes: number,
    sizeOf: (value: V) => number,
  ) {
    this.#sizeOf = sizeOf;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    // Re-insert: a Map iterates in insertion order, so the first key is always the least recent.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.hits++;
    return entry.value;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Stores the value unless it alone exceeds the budget; evicts the least recent ones to make room. */
  set(key: string, value: V): boolean {
    const size = this.#sizeOf(value);
    this.delete(key);
    if (size > this.maxBytes) return false;
    this.#entries.set(key, { value, size });
    this.#bytes += size;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.size;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get count(): number {
    return this.#entries.size;
  }
}
