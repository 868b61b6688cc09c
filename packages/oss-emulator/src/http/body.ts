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
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit);
      await onChunk(chunk);
    }
  } catch (error) {
    if (error instanceof Error && error.name === "OssError") throw error;
    throw ossError("IncompleteBody");
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
