import { randomBytes } from "node:crypto";
import { type FileHandle, open, readdir, rename, unlink } from "node:fs/promises";
import { join } from "node:path";

/**
 * Atomic file replacement: write a temporary file in the same directory, fsync it, rename it over the
 * target, fsync the directory. A crash at any point leaves either the old file or the new one, never a
 * mix, because rename(2) within one directory is atomic and the fsyncs order the data before the name.
 */

const tempPrefix = ".tmp-";

/**
 * Replaces `dir/name` with what `write` puts into the file handle it is given.
 *
 * @example
 * await writeAtomic(dir, "styles.json", (fh) => fh.writeFile(json));
 */
export async function writeAtomic(
  dir: string,
  name: string,
  write: (fh: FileHandle) => Promise<void>,
): Promise<void> {
  await commitTemp(await writeTemp(dir, name, write), dir, name);
}

/**
 * First half of `writeAtomic`: a durable temporary file in `dir`, not yet visible under its name.
 * Callers that must order the publish step (see `commitTemp`) use the halves separately.
 *
 * @example
 * const temp = await writeTemp(dir, "obj", (fh) => fh.writeFile(bytes));
 */
export async function writeTemp(
  dir: string,
  name: string,
  write: (fh: FileHandle) => Promise<void>,
): Promise<string> {
  const temp = join(dir, `${tempPrefix}${randomBytes(6).toString("hex")}-${name}`);
  const fh = await open(temp, "wx");
  try {
    await write(fh);
    await fh.sync();
  } catch (error) {
    await fh.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fh.close();
  return temp;
}

/**
 * Second half: renames the temporary file over `dir/name` and fsyncs the directory.
 *
 * @example
 * await commitTemp(temp, dir, "obj");
 */
export async function commitTemp(temp: string, dir: string, name: string): Promise<void> {
  await rename(temp, join(dir, name));
  await syncDir(dir);
}

/**
 * Deletes a temporary file that will not be committed.
 *
 * @example
 * await discardTemp(temp);
 */
export async function discardTemp(temp: string): Promise<void> {
  await unlink(temp).catch(() => undefined);
}

/**
 * Removes `dir/name` durably (the unlink itself is atomic; the directory fsync makes it survive a crash).
 *
 * @example
 * await removeDurably(dir, "0af3….obj");
 */
export async function removeDurably(dir: string, name: string): Promise<boolean> {
  try {
    await unlink(join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  await syncDir(dir);
  return true;
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Deletes temporary files a killed process left behind; returns the names it kept.
 *
 * @example
 * const names = await cleanTemporaries(dir);
 */
export async function cleanTemporaries(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  const kept: string[] = [];
  for (const name of names) {
    if (name.startsWith(tempPrefix)) await unlink(join(dir, name)).catch(() => undefined);
    else kept.push(name);
  }
  return kept;
}
