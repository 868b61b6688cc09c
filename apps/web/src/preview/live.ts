export interface LiveLoaderOptions<T> {
  /** Quiet time that ends a burst of edits; the first edit after a pause goes at once. */
  delayMs: number;
  load(url: string, signal: AbortSignal): Promise<T>;
  onStart?(url: string): void;
  onResult(url: string, value: T): void;
  onError(url: string, error: unknown): void;
  now?(): number;
}

export interface LiveLoader {
  /** Asks for `url`; the loader decides when (and whether) it is fetched. */
  request(url: string): void;
  /** Fetches the last requested URL again at once (after a failure: a transient 502 or a lost network). */
  retry(): void;
  dispose(): void;
}

/**
 * Debounce with a leading edge, plus abort: the first edit after a pause is fetched at once (a single
 * keystroke pays no debounce), edits that follow within `delayMs` wait until typing pauses, and
 * firing a new request aborts the one in flight, so only the latest draft ever reaches the screen and
 * the server never renders a queue of stale ones. Pure (timers and AbortController only), so it is
 * unit-tested with fake timers.
 */
export function createLiveLoader<T>(options: LiveLoaderOptions<T>): LiveLoader {
  const now = options.now ?? (() => performance.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let lastFire = Number.NEGATIVE_INFINITY;
  // What is loading or loaded: asking for it again is a no-op. A failed URL is forgotten (see below).
  let lastUrl: string | null = null;
  // The URL asked for last, fired or not: what retry fetches.
  let wanted: string | null = null;
  let disposed = false;

  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const fire = (url: string) => {
    clear();
    controller?.abort();
    const current = new AbortController();
    controller = current;
    lastFire = now();
    lastUrl = url;
    options.onStart?.(url);
    options.load(url, current.signal).then(
      (value) => {
        if (!current.signal.aborted && !disposed) options.onResult(url, value);
      },
      (error: unknown) => {
        if (current.signal.aborted || disposed) return;
        // A failure is no result to keep: the same URL asked for again (or retried) is fetched again.
        if (controller === current) lastUrl = null;
        options.onError(url, error);
      },
    );
  };

  return {
    request(url) {
      if (disposed) return;
      wanted = url;
      // Back to what is already loading or loaded (e.g. undo within the burst): nothing new to fetch.
      if (url === lastUrl) return clear();
      if (timer === undefined && now() - lastFire >= options.delayMs) return fire(url);
      clear();
      timer = setTimeout(() => fire(url), options.delayMs);
    },
    retry() {
      if (!disposed && wanted !== null) fire(wanted);
    },
    dispose() {
      disposed = true;
      clear();
      controller?.abort();
    },
  };
}
