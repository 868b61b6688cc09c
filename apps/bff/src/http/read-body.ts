import { HttpError } from "./error.ts";

export interface BodyLimits {
  /** Bytes past which the body is refused (413), counted as it streams in. */
  maxBytes: number;
  /** Longest pause between two chunks (ms) before the body is given up on (408). */
  idleMs: number;
  /** Longest time for the whole body (ms), however steadily it trickles (408). */
  totalMs: number;
  /** The 413 to throw past `maxBytes`. */
  tooLarge: () => HttpError;
}

// The unread rest of the body would otherwise be read as the next request: the answer closes.
const timedOut = (what: string) =>
  new HttpError("RequestTimeout", `The upload ${what}; send it again on a steadier connection.`, {
    headers: { Connection: "close" },
  });

/**
 * Reads a request body into memory, bounded in size and in time: a client that stops sending (idle
 * timeout) or trickles for too long (total timeout) gets a 408 and its connection closed, so a slow
 * client cannot hold a slot or the memory it reserved. The limits are in the error's words.
 * @example
 * const bytes = await readBody(c.req.raw, { maxBytes: 20 * MB, idleMs: 10_000, totalMs: 60_000, tooLarge });
 */
export async function readBody(request: Request, limits: BodyLimits): Promise<Buffer> {
  const declared = Number(request.headers.get("Content-Length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw limits.tooLarge();
  const body = request.body;
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = Date.now() + limits.totalMs;
  try {
    for (;;) {
      const wait = Math.min(limits.idleMs, deadline - Date.now());
      if (wait <= 0) throw timedOut(`took longer than ${Math.round(limits.totalMs / 1000)} s`);
      const idle = wait === limits.idleMs;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              idle
                ? timedOut(`stalled: nothing arrived for ${Math.round(limits.idleMs / 1000)} s`)
                : timedOut(`took longer than ${Math.round(limits.totalMs / 1000)} s`),
            ),
          wait,
        );
      });
      const next = await Promise.race([reader.read(), stalled]);
      clearTimeout(timer);
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limits.maxBytes) throw limits.tooLarge();
      chunks.push(next.value);
    }
  } catch (error) {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
    if (error instanceof HttpError) throw error;
    throw new HttpError("IncompleteBody", "The request body ended before it was complete.");
  }
  return Buffer.concat(chunks, size);
}
