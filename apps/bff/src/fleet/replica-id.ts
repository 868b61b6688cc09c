import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * This replica's id, kept in `<dataDir>/replica-id` (made on first use): the owner of the fleet job
 * leases it holds. Each replica has its own DATA_DIR, locked by the running process, so a process that
 * finds its own id on a lease knows the holder was an earlier run of itself, now gone, and may resume the
 * job at once instead of waiting for the lease to lapse.
 *
 * @example
 * replicaId("/var/lib/style-console/a"); // "3f0c…" (the same on every start)
 */
export function replicaId(dataDir: string): string {
  const file = join(dataDir, "replica-id");
  try {
    const id = readFileSync(file, "utf8").trim();
    if (/^[0-9a-f-]{36}$/.test(id)) return id;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const id = randomUUID();
  writeFileSync(file, `${id}\n`, { mode: 0o600 });
  return id;
}
