import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { open, readdir, readFile, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { FleetJob } from "./job.ts";

/**
 * Where fleet jobs live between steps, so an apply survives a restart: one JSON file per job under
 * `<dataDir>/fleet/jobs/`, replaced atomically (temporary file, fsync, rename, fsync of the directory)
 * on every durable step. Saves of one job are coalesced: a caller waits for a save that started after
 * its change, never for every intermediate state.
 */
export interface JobStore {
  save(job: FleetJob): Promise<void>;
  load(id: string): Promise<FleetJob | undefined>;
  list(): Promise<FleetJob[]>;
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The file-backed store.
 *
 * @example
 * const store = fileJobStore(join(dataDir, "fleet", "jobs"));
 * await store.save(job);
 */
export function fileJobStore(dir: string): JobStore {
  mkdirSync(dir, { recursive: true });
  const inflight = new Map<string, Promise<void>>();
  const queued = new Map<string, Promise<void>>();

  async function write(job: FleetJob): Promise<void> {
    const target = join(dir, `${job.id}.json`);
    const temp = join(dir, `.tmp-${randomBytes(6).toString("hex")}-${job.id}.json`);
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(JSON.stringify(job));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await syncDir(dir);
  }

  function start(job: FleetJob): Promise<void> {
    const run: Promise<void> = write(job).finally(() => {
      if (inflight.get(job.id) === run) inflight.delete(job.id);
    });
    inflight.set(job.id, run);
    return run;
  }

  return {
    save(job) {
      // `job` is the live state: a save that starts later writes whatever it holds by then, so every
      // caller waiting on the queued save sees its own change on disk.
      const waiting = queued.get(job.id);
      if (waiting) return waiting;
      const running = inflight.get(job.id);
      if (!running) return start(job);
      const next = running
        .catch(() => undefined)
        .then(() => {
          queued.delete(job.id);
          return start(job);
        });
      queued.set(job.id, next);
      return next;
    },
    async load(id) {
      if (!/^[a-z0-9-]{1,64}$/.test(id)) return undefined;
      try {
        return JSON.parse(await readFile(join(dir, `${id}.json`), "utf8")) as FleetJob;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    async list() {
      const jobs: FleetJob[] = [];
      for (const name of await readdir(dir)) {
        if (!name.endsWith(".json") || name.startsWith(".tmp-")) continue;
        try {
          jobs.push(JSON.parse(await readFile(join(dir, name), "utf8")) as FleetJob);
        } catch {
          // A damaged job file is left for an operator; it never stops the others.
        }
      }
      return jobs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    },
  };
}
