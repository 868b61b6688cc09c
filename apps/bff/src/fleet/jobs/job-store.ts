import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Principal } from "../../users/principal.ts";
import type { PortableStyle } from "../formats/style-file.ts";
import type { PlanAction, TargetSnapshot } from "../plan.ts";
import type { FleetJobItemTable, FleetJobTable } from "../tables.ts";
import type { FleetJob, ItemStatus, JobItem, JobState } from "./job.ts";

/**
 * Where fleet jobs live: the shared database (`fleet_jobs`, `fleet_job_items`), so every replica sees a
 * job's progress and any replica can resume it after a restart. Each durable step is one UPDATE of one
 * item row. Which replica runs a job is a lease on its row: won with one conditional UPDATE (so two
 * replicas never both win), renewed while the job runs, taken over by another replica once it lapses, or
 * at once by the same replica after a restart (its id is tied to its locked DATA_DIR, so the process that
 * held the lease before is known to be gone).
 */
export interface JobStore {
  /** Records a new job and its items (one transaction). */
  create(job: FleetJob): Promise<void>;
  load(id: string): Promise<FleetJob | undefined>;
  /** The newest `limit` jobs, newest first. */
  list(limit: number): Promise<FleetJob[]>;
  /**
   * Saves the status and message of the items at `seqs` (their place in `job.items`), each only while
   * `owner` holds the job's lease and it has not lapsed (database clock). False when a save was refused:
   * the lease is lost, and the replica that holds it now decides those items (a `writing` item is read
   * back from the target, never written twice on a stale replica's word).
   */
  saveItems(job: FleetJob, seqs: readonly number[], owner: string): Promise<boolean>;
  /** `planned` → `running` with `owner`'s lease; false when the job is not `planned` any more. */
  start(id: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Running jobs `owner` may take: lease lapsed or never taken, or held by `owner` itself. */
  claimable(owner: string): Promise<string[]>;
  /** Takes the lease of a running job when it is free (see {@link claimable}); false when another holds it. */
  claim(id: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Extends `owner`'s lease; `held` false when it lapsed and another replica took the job. */
  renew(id: string, owner: string, leaseMs: number): Promise<{ held: boolean; cancelRequested: boolean }>;
  /** Saves the final state and gives the lease back (only while `owner` holds it). */
  finish(job: FleetJob, owner: string): Promise<void>;
  /** Asks the replica running the job to stop (it sees this at its next renewal). */
  requestCancel(id: string): Promise<boolean>;
}

const leaseEnd = (ms: number) => sql<Date>`clock_timestamp() + ${ms} * interval '1 millisecond'`;
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
// Items per INSERT: 10 parameters each keeps a statement far below PostgreSQL's 65535.
const INSERT_CHUNK = 1000;

/**
 * A running job `owner` may take: nobody holds its lease, `owner` already does, or the lease lapsed
 * (database clock). The one rule behind both `claimable` and `claim`.
 */
function takeable(eb: ExpressionBuilder<Database, "fleet_jobs">, owner: string) {
  return eb.or([
    eb("lease_owner", "is", null),
    eb("lease_owner", "=", owner),
    eb("lease_until", "<", sql<Date>`clock_timestamp()`),
  ]);
}

function toJob(row: Selectable<FleetJobTable>, items: Array<Selectable<FleetJobItemTable>>): FleetJob {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    targets: row.targets,
    notPermitted: row.not_permitted,
    actor: row.actor as Principal,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    state: row.state as JobState,
    items: items.map(
      (i): JobItem => ({
        target: i.target,
        name: i.name,
        action: i.action as PlanAction,
        ...(i.reason === null ? {} : { reason: i.reason }),
        before: (i.before ?? null) as TargetSnapshot | null,
        after: (i.after ?? null) as PortableStyle | null,
        status: i.status as ItemStatus,
        ...(i.message === null ? {} : { message: i.message }),
      }),
    ),
  };
}

/**
 * The database-backed store (PostgreSQL shared by replicas, or the embedded PGlite).
 *
 * @example
 * const store = dbJobStore(handle.db);
 * if (await store.start(job.id, replicaId, 30_000)) { … }
 */
export function dbJobStore(db: Kysely<Database>): JobStore {
  async function itemsOf(ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, Array<Selectable<FleetJobItemTable>>>();
    const rows = await db
      .selectFrom("fleet_job_items")
      .selectAll()
      .where("job_id", "in", ids)
      .orderBy("job_id")
      .orderBy("seq")
      .execute();
    const byJob = new Map<string, Array<Selectable<FleetJobItemTable>>>();
    for (const row of rows) {
      const list = byJob.get(row.job_id) ?? [];
      list.push(row);
      byJob.set(row.job_id, list);
    }
    return byJob;
  }

  return {
    async create(job) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("fleet_jobs")
          .values({
            id: job.id,
            kind: job.kind,
            source: job.source,
            targets: JSON.stringify(job.targets),
            not_permitted: JSON.stringify(job.notPermitted),
            actor: JSON.stringify(job.actor),
            state: job.state,
            created_at: job.createdAt,
            updated_at: job.updatedAt,
            lease_owner: null,
            lease_until: null,
          })
          .execute();
        for (let start = 0; start < job.items.length; start += INSERT_CHUNK) {
          await trx
            .insertInto("fleet_job_items")
            .values(
              job.items.slice(start, start + INSERT_CHUNK).map((item, i) => ({
                job_id: job.id,
                seq: start + i,
                target: item.target,
                name: item.name,
                action: item.action,
                reason: item.reason ?? null,
                before: json(item.before),
                after: json(item.after),
                status: item.status,
                message: item.message ?? null,
              })),
            )
            .execute();
        }
      });
    },

    async load(id) {
      const row = await db.selectFrom("fleet_jobs").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) return undefined;
      return toJob(row, (await itemsOf([id])).get(id) ?? []);
    },

    async list(limit) {
      const rows = await db
        .selectFrom("fleet_jobs")
        .selectAll()
        .orderBy("created_at", "desc")
        .orderBy("id")
        .limit(limit)
        .execute();
      const items = await itemsOf(rows.map((r) => r.id));
      return rows.map((r) => toJob(r, items.get(r.id) ?? []));
    },

    async saveItems(job, seqs, owner) {
      // One UPDATE for all the items (atomic as a whole): a durable step is one round trip however many
      // workers' items it carries, guarded by the lease in the same statement (a replica whose lease was
      // taken over must not overwrite the new holder's steps). The job's updated_at moves with its lease
      // renewals and its end.
      const rows = [...new Set(seqs)].flatMap((seq) => {
        const item = job.items[seq];
        return item ? [sql`(${seq}::integer, ${item.status}::text, ${item.message ?? null}::text)`] : [];
      });
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const saved = await sql`
          update fleet_job_items as i set status = v.status, message = v.message
          from (values ${sql.join(rows.slice(i, i + INSERT_CHUNK))}) as v(seq, status, message)
          where i.job_id = ${job.id} and i.seq = v.seq
            and exists (
              select 1 from fleet_jobs as j
              where j.id = ${job.id} and j.lease_owner = ${owner} and j.lease_until > clock_timestamp()
            )`.execute(db);
        if (!saved.numAffectedRows) return false;
      }
      return true;
    },

    async start(id, owner, leaseMs) {
      const row = await db
        .updateTable("fleet_jobs")
        .set({
          state: "running",
          lease_owner: owner,
          lease_until: leaseEnd(leaseMs),
          updated_at: sql<Date>`clock_timestamp()`,
        })
        .where("id", "=", id)
        .where("state", "=", "planned")
        .returning("id")
        .executeTakeFirst();
      return row !== undefined;
    },

    async claimable(owner) {
      const rows = await db
        .selectFrom("fleet_jobs")
        .select("id")
        .where("state", "=", "running")
        .where((eb) => takeable(eb, owner))
        .orderBy("created_at")
        .execute();
      return rows.map((r) => r.id);
    },

    async claim(id, owner, leaseMs) {
      const row = await db
        .updateTable("fleet_jobs")
        .set({ lease_owner: owner, lease_until: leaseEnd(leaseMs) })
        .where("id", "=", id)
        .where("state", "=", "running")
        .where((eb) => takeable(eb, owner))
        .returning("id")
        .executeTakeFirst();
      return row !== undefined;
    },

    async renew(id, owner, leaseMs) {
      const row = await db
        .updateTable("fleet_jobs")
        .set({ lease_until: leaseEnd(leaseMs), updated_at: sql<Date>`clock_timestamp()` })
        .where("id", "=", id)
        .where("state", "=", "running")
        .where("lease_owner", "=", owner)
        .returning("cancel_requested")
        .executeTakeFirst();
      return { held: row !== undefined, cancelRequested: row?.cancel_requested ?? false };
    },

    async finish(job, owner) {
      await db
        .updateTable("fleet_jobs")
        .set({ state: job.state, updated_at: job.updatedAt, lease_owner: null, lease_until: null })
        .where("id", "=", job.id)
        .where("lease_owner", "=", owner)
        .execute();
    },

    async requestCancel(id) {
      const row = await db
        .updateTable("fleet_jobs")
        .set({ cancel_requested: true })
        .where("id", "=", id)
        .where("state", "=", "running")
        .returning("id")
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
