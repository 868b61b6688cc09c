import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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
    const parsed = keyFile.safeParse(JSON.parse(text));
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
  // `wx`: never overwrite a pair another process wrote a moment ago.
  writeFileSync(file, `${JSON.stringify(pair, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  return pair;
}
