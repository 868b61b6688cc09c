import type { OssError } from "./errors.ts";

/**
 * Wraps a response body so that a read failure (the connection dropped mid-body: undici's raw
 * `TypeError: terminated`, or the abort of the request) errors the stream with the client's typed
 * error instead, and calls `settled` once when the body ends, fails or is cancelled (the transport
 * then drops its abort listener). Cancelling the wrapper cancels the source.
 *
 * @example
 * const body = guardBody(response.body, (e) => networkError("getObject", host, e, secrets), release);
 * await new Response(body).arrayBuffer(); // rejects with an OssError if the body is cut off
 */
export function guardBody(
  source: ReadableStream<Uint8Array> | null,
  toError: (error: unknown) => OssError,
  settled: () => void,
): ReadableStream<Uint8Array> {
  let done = false;
  const settle = () => {
    if (done) return;
    done = true;
    settled();
  };
  if (!source) {
    settle();
    return new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  }
  const reader = source.getReader();
  // highWaterMark 0: read from the source only when the consumer asks, as the bare body would.
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (error) {
          settle();
          controller.error(toError(error));
          return;
        }
        if (chunk.done) {
          settle();
          controller.close();
        } else controller.enqueue(chunk.value);
      },
      async cancel(reason) {
        settle();
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
