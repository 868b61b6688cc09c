import { rmSync } from "node:fs";

/**
 * Removes the data directory playwright.config.ts created for this run, so runs do not pile up copies
 * of the seeded buckets in the temp folder. A directory given through E2E_DATA_DIR is the developer's
 * and is kept (set it to inspect the stack's data after a run).
 */
export default function globalTeardown(): void {
  const dir = process.env.E2E_DATA_DIR;
  if (dir && process.env.E2E_DATA_DIR_CREATED === "1") rmSync(dir, { recursive: true, force: true });
}
