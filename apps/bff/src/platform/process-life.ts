/**
 * How the console's process ends: quietly and completely, with whoever launched it.
 *
 * - SIGTERM and SIGINT stop the server, close the embedded emulator and exit with status 0, so
 *   `pnpm start` reports no `ELIFECYCLE Command failed`; a second signal, or a shutdown that takes
 *   longer than `graceMs`, exits at once.
 * - When the launcher dies without a signal reaching us (`kill -9` on `pnpm start`), this process is
 *   re-parented; a poll of `process.ppid` notices and stops the same way, releasing the data lock,
 *   instead of serving on as an orphan and refusing the next start.
 */

export interface ProcessLifeOptions {
  /** How often the parent is checked (ms, default 1000). */
  pollMs?: number;
  /** Longest graceful shutdown before exiting anyway (ms, default 5000). */
  graceMs?: number;
  /** For tests: the parent's pid now (default `process.ppid`). */
  parentPid?: () => number;
  /** For tests: instead of `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * Runs `shutdown` then exits 0 on SIGTERM, SIGINT or the death of the parent process.
 * @example
 * stopWithLauncher(async () => { await closeServer(); await closeEmulator(); });
 */
export function stopWithLauncher(
  shutdown: () => Promise<void>,
  options: ProcessLifeOptions = {},
): () => void {
  const parentPid = options.parentPid ?? (() => process.ppid);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const launcher = parentPid();
  let stopping = false;
  const stop = () => {
    if (stopping) {
      exit(0);
      return;
    }
    stopping = true;
    clearInterval(poll);
    setTimeout(() => exit(0), options.graceMs ?? 5000).unref();
    shutdown().then(
      () => exit(0),
      () => exit(0),
    );
  };
  const poll = setInterval(() => {
    if (parentPid() !== launcher) stop();
  }, options.pollMs ?? 1000);
  poll.unref();
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return () => {
    clearInterval(poll);
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  };
}
