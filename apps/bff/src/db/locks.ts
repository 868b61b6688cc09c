import { sql } from "kysely";
import { KeyedLock } from "../styles/keyed-lock.ts";
import type { DatabaseHandle } from "./database.ts";

/**
 * Mutual exclusion per key across every replica: `run(scope, key, task)` runs `task` while no other
 * replica runs a task for the same (scope, key).
 *
 * On PostgreSQL it is `pg_advisory_xact_lock(hashtext(scope), hashtext(key))` held by a transaction
 * on the lock pool for the task's duration: the server releases it when the transaction ends, and also
 * when the connection drops, so a replica killed mid-write never leaves a style locked. Two keys with
 * the same hash only wait for each other; they are never wrongly let through together.
 *
 * On the embedded engine only this process can open the database (the data directory is locked), so
 * an in-process keyed queue is the same guarantee without holding PGlite's single connection.
 */
export interface DistributedLocks {
  run<T>(scope: string, key: string, task: () => Promise<T>): Promise<T>;
}

/**
 * The locks for a database handle (see {@link DistributedLocks}).
 * @example
 * const locks = createLocks(handle);
 * await locks.run("style", "photos/thumb", async () => { … });
 */
export function createLocks(handle: DatabaseHandle): DistributedLocks {
  if (handle.engine === "pglite") {
    const local = new KeyedLock();
    return { run: (scope, key, task) => local.run(`${scope}\u0000${key}`, task) };
  }
  return {
    run: (scope, key, task) =>
      handle.lockDb.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${scope}), hashtext(${key}))`.execute(trx);
        return task();
      }),
  };
}
