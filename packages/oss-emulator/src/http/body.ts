import type { IncomingMessage } from "node:http";
import { ossError } from "./errors.ts";

/**
 * Request bodies, always with a cap: a declared `Content-Length` over the cap is refused before a byte is
 * read, and a chunked body is cut off as soon as it passes the cap. Nothing is ever buffered unbounded.
 */

function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers["content-length"];
  if (header === undefined) return undefined;
  const n = Number(header);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw ossError("InvalidArgument", {
      message: `Content-Length must be a non-negative integer, got "${header}".`,
    });
  }
  return n;
}

function tooLarge(limit: number): Error {
  return ossError("EntityTooLarge", {
    message: `Your proposed upload exceeds the maximum allowed size of ${limit} bytes.`,
    fields: { MaxSizeAllowed: String(limit) },
    // The unread rest of the body would otherwise be parsed as the next request.
    headers: { Connection: "close" },
  });
}

/**
 * Feeds the body to `onChunk` chunk by chunk; resolves with the byte count. Rejects with EntityTooLarge
 * past `limit`, and with IncompleteBody when the client stops before its declared length.
 *
 * @example
 * const size = await streamBody(req, 1 << 20, (chunk) => hash.update(chunk));
 */
export async function streamBody(
  req: IncomingMessage,
  limit: number,
  onChunk: (chunk: Buffer) => Promise<void> | void,
): Promise<number> {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limit) throw tooLarge(limit);
  let size = 0;
  const chunks = (req as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  for (;;) {
    // Only a failure of the request itself (the client went away) is the client's IncompleteBody; an
    // error of `onChunk` (ENOSPC, EIO from the store) is ours and must reach the handler as a 500, with
    // the request left open so that the answer reaches the client (Node discards the unread rest).
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch {
      throw ossError("IncompleteBody");
    }
    if (next.done) break;
    size += next.value.length;
    if (size > limit) {
      // Stop reading, as `for await` did; the answer closes the connection.
      await chunks.return?.().catch(() => undefined);
      throw tooLarge(limit);
    }
    await onChunk(next.value);
  }
  if (declared !== undefined && size !== declared) throw ossError("IncompleteBody");
  return size;
}

/**
 * Reads a whole (small) body into memory, capped at `limit` bytes.
 *
 * @example
 * const xml = (await readBody(req, 64 * 1024)).toString("utf8");
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await streamBody(req, limit, (chunk) => {
    chunks.push(chunk);
  });
  return Buffer.concat(chunks);
}
