import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ossError } from "./errors.ts";

/**
 * Parses `Content-MD5` (base64 of 16 bytes); `undefined` when absent.
 *
 * @example
 * expectedMd5(req); // <Buffer d4 1d 8c …> for "1B2M2Y8AsgTpgAmY7PhCfg=="
 */
export function expectedMd5(req: IncomingMessage): Buffer | undefined {
  const header = req.headersDistinct["content-md5"]?.join(",");
  if (header === undefined) return undefined;
  const bytes = Buffer.from(header, "base64");
  if (bytes.length !== 16 || bytes.toString("base64") !== header.trim()) {
    throw ossError("InvalidDigest", { fields: { "Content-MD5": header } });
  }
  return bytes;
}

/**
 * Refuses a body whose MD5 differs from `expected` (BadDigest).
 *
 * @example
 * verifyMd5(expected, createHash("md5").update(body).digest());
 */
export function verifyMd5(expected: Buffer | undefined, actual: Buffer): void {
  if (expected && !expected.equals(actual)) {
    throw ossError("BadDigest", {
      fields: { ExpectedMD5: expected.toString("base64"), CalculatedMD5: actual.toString("base64") },
    });
  }
}

/**
 * Both steps for a body already in memory.
 *
 * @example
 * checkContentMd5(req, body);
 */
export function checkContentMd5(req: IncomingMessage, body: Buffer): void {
  verifyMd5(expectedMd5(req), createHash("md5").update(body).digest());
}
