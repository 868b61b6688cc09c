/**
 * Runs tasks one at a time per key, in arrival order; different keys run in parallel. OSS has no
 * conditional PutStyle, so create's "does it exist?" and update's "is it unchanged?" checks are only
 * sound if no other mutation of the same style runs between the check and the put, inside this process.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    // Forget the key once its queue drains, so the map does not grow with every style ever touched.
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
