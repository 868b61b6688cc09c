import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

const keyFile = z.object({
  accessKeyId: z.string().regex(/^[\x21-\x7e]+$/),
  accessKeySecret: z.string().min(16),
});

export type KeyPair = z.infer<typeof keyFile>;

/**
 * The embedded emulator's own access key pair: generated at random on first start and kept in `file`
 * (mode 0600) so restarts reuse it. Nobody types it: the BFF signs with it and the emulator checks it,
 * so the embedded default is signed exactly like real OSS without any shared demo secret.
 * @example
 * const keys = loadOrCreateKeyPair(join(dataDir, "emulator-key.json"));
 */
export function loadOrCreateKeyPair(file: string): KeyPair {
  let text: string | undefined;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (text !== undefined) {
    const parsed = keyFile.safeParse(parseJson(text));
    if (!parsed.success)
      throw new Error(`${file} is not a key pair written by the console; delete it to generate a new one.`);
    // Tighten a copied or restored file back to owner-only.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return parsed.data;
  }
  const pair: KeyPair = {
    accessKeyId: `LTAIemu${randomBytes(9).toString("hex")}`,
    accessKeySecret: randomBytes(24).toString("base64url"),
  };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeDurably(file, `${JSON.stringify(pair, null, 2)}\n`);
  return pair;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Temporary file, fsync, then link (atomic, and unlike rename it never replaces a pair another process
// wrote a moment ago: EEXIST), then fsync the directory: a crash leaves no file or the whole one, never
// an empty key file that would stop the next start.
function writeDurably(file: string, text: string): void {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(temp, "wx", 0o600);
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  const dir = openSync(dirname(file), "r");
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
