/**
 * Runs tasks one at a time, in call order: the read-modify-write of a bucket's style file and the
 * publish step of an object must not interleave.
 *
 * @example
 * const serial = createSerial();
 * await serial(() => store.save());
 */
export function createSerial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
