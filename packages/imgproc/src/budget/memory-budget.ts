/**
 * `@style-console/imgproc/budget`: the bytes that image work in one process may hold at once, shared
 * by every gate that admits such work (the console's preview queue and the embedded emulator's
 * `x-oss-process` gate), so that together they stay within one figure (issue 14: the console's peak RSS
 * ≤ 512 MB on the embedded default, where the database, the emulator and the previews share a process).
 * No sharp here: the emulator loads the renderer only on first use.
 */

/**
 * A count of reserved bytes against a total. Gates reserve an estimate before work starts and release
 * it after; each keeps its own waiting line and is told of every release (whoever released), so room
 * freed by one gate's work admits the other's.
 * @example
 * const memory = new MemoryBudget(256 * 1024 * 1024);
 * if (memory.tryTake(estimate.bytes)) try { await work(); } finally { memory.release(estimate.bytes); }
 */
export class MemoryBudget {
  readonly #listeners = new Set<() => void>();
  #used = 0;

  /** @param totalBytes what all holders together may reserve (a positive number of bytes). */
  constructor(readonly totalBytes: number) {
    if (!(totalBytes > 0)) throw new RangeError(`totalBytes must be positive, got ${totalBytes}`);
  }

  /** Bytes reserved now, by every holder. */
  get usedBytes(): number {
    return this.#used;
  }

  /** Whether `bytes` more would fit now. */
  fits(bytes: number): boolean {
    return this.#used + bytes <= this.totalBytes;
  }

  /** Reserves `bytes` if they fit now; false (nothing reserved) otherwise. */
  tryTake(bytes: number): boolean {
    if (!this.fits(bytes)) return false;
    this.#used += bytes;
    return true;
  }

  /** Gives back what {@link tryTake} reserved, then tells every listener. */
  release(bytes: number): void {
    this.#used = Math.max(0, this.#used - bytes);
    for (const listener of [...this.#listeners]) listener();
  }

  /** Calls `listener` after every release; returns the unsubscribe. */
  onRelease(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
