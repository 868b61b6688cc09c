import { randomUUID } from "node:crypto";
import type { ManagedBucket, UpstreamStyle } from "../../buckets/bucket-styles.ts";
import { failureText, scrubUpstreamText } from "../../buckets/upstream-error.ts";
import { HttpError } from "../../http/error.ts";
import type { StyleWriter } from "../../styles/writer.ts";
import type { Principal } from "../../users/principal.ts";
import type { PortableStyle } from "../formats/style-file.ts";
import type { PlanItem, TargetSnapshot } from "../plan.ts";
import { type FleetJob, type JobItem, progressOf } from "./job.ts";
import type { JobStore } from "./job-store.ts";

/**
 * Runs fleet jobs: per target, one ListStyle right before its items (so a change made since the plan is
 * seen as a `conflict` and never overwritten), then the writes, a few in flight at once. The rate is the
 * OSS client's: every request it sends waits for the account's shared schedule (db/oss-rate.ts), so the
 * runner keeps enough writes waiting for the rate to be used, and never more than OSS_QPS in any second.
 * Every write is audited with its source and job item. Durable steps (one row per item in the shared
 * database): an item is saved as `writing` before its write is sent, and as `applied` after its audit
 * record; resuming a `writing` item reads the target and finishes it without writing twice.
 *
 * One replica runs a job at a time: it holds the job's lease (jobs/job-store.ts), renews it every third
 * of `leaseMs`, and stops sending writes when it cannot renew in time. Every replica looks for running
 * jobs whose lease lapsed every `sweepMs` and at start, so a job outlives the replica that started it.
 */

export interface RunnerDeps {
  store: JobStore;
  bucket: (name: string) => ManagedBucket;
  /** The one way to change a style: locked per style, audited ahead (styles/writer.ts). */
  writer: StyleWriter;
  /** This replica's id (fleet/replica-id.ts): the owner of the leases it holds. */
  replicaId: string;
  /** How long a lease lasts without renewal (default 30 s). */
  leaseMs?: number;
  /** How often to look for jobs left by a replica that stopped (default 10 s; 0: only at `resumeAll`). */
  sweepMs?: number;
  /** Writes in flight at once per target (default 8); the OSS client's limit sets the rate. */
  concurrency?: number;
  /** Targets worked on at once (default 2), so one target's tail overlaps the next one's start. */
  targetConcurrency?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

/** The job's lease was lost (not renewed in time): this replica stops; another one resumes the job. */
class LeaseLost extends Error {}

function matchesBefore(current: UpstreamStyle | undefined, before: TargetSnapshot | null): boolean {
  if (!before) return current === undefined;
  return (
    current !== undefined &&
    current.content === before.content &&
    current.category === before.category &&
    current.lastModifyTime.toISOString() === before.lastModifyTime
  );
}

function matchesAfter(current: UpstreamStyle | undefined, after: PortableStyle | null): boolean {
  if (!after) return current === undefined;
  return current !== undefined && current.content === after.content && current.category === after.category;
}

/** Thrown by the writer's check: the target changed since the plan. */
class Conflict extends Error {}

interface LiveJob {
  job: FleetJob;
  abort: AbortController;
  done: Promise<void>;
  /** performance.now() until which the lease is surely held (renewal sent before it + leaseMs − margin). */
  heldUntil: number;
}

/**
 * The fleet's job runner (see the module comment above for its durable steps and lease). Errors:
 * `apply` throws HttpError `NoSuchJob` (404), `JobNotPlanned` (409, also when another replica won the
 * plan first) or `NotYourPlan` (403); a job's own failures end in its items' statuses, never thrown.
 *
 * @example
 * const runner = createJobRunner({ store: dbJobStore(db), bucket, writer, replicaId: replicaId(data) });
 * await runner.resumeAll();
 * const { wait } = await runner.apply(job.id, actor);
 */
export function createJobRunner(deps: RunnerDeps) {
  const now = deps.now ?? (() => new Date());
  const concurrency = deps.concurrency ?? 8;
  const targetConcurrency = deps.targetConcurrency ?? 2;
  const leaseMs = deps.leaseMs ?? 30_000;
  const owner = deps.replicaId;
  const live = new Map<string, LiveJob>();
  let sweeper: NodeJS.Timeout | undefined;

  // Saves of one job are coalesced: items asked for while a save is on its way go together in the next
  // one (one UPDATE for every worker's item). Each caller resolves once its items' status as they stand
  // is durable, so an item is still saved `writing` before its write is sent. The database saves only
  // while this replica holds the lease; when it does not, the job is stopped here with
  // {@link LeaseLost} and left to the replica that took it.
  const savers = new WeakMap<FleetJob, (seqs: number[]) => Promise<void>>();
  function saverOf(job: FleetJob) {
    let asked = new Set<number>();
    let next: Promise<void> | undefined;
    let last: Promise<unknown> = Promise.resolve();
    return (seqs: number[]) => {
      for (const seq of seqs) asked.add(seq);
      if (!next) {
        next = last.then(async () => {
          const taken = [...asked];
          asked = new Set();
          next = undefined;
          if (await deps.store.saveItems(job, taken, owner)) return;
          const error = new LeaseLost(`the lease of job ${job.id} was taken over`);
          live.get(job.id)?.abort.abort(error);
          throw error;
        });
        last = next.catch(() => undefined);
      }
      return next;
    };
  }
  const save = (job: FleetJob, ...seqs: number[]) => {
    let saver = savers.get(job);
    if (!saver) {
      saver = saverOf(job);
      savers.set(job, saver);
    }
    return saver(seqs);
  };

  /** Throws when the lease may have lapsed: a write sent now could race the replica that took over. */
  function assertLease(job: FleetJob) {
    const entry = live.get(job.id);
    if (entry && performance.now() > entry.heldUntil) {
      const error = new LeaseLost(`the lease of job ${job.id} was not renewed in time`);
      entry.abort.abort(error);
      throw error;
    }
  }

  const touch = (job: FleetJob) => {
    job.updatedAt = now().toISOString();
  };

  async function write(
    job: FleetJob,
    index: number,
    item: JobItem,
    target: ManagedBucket,
    signal: AbortSignal,
  ) {
    signal.throwIfAborted();
    assertLease(job);
    item.status = "writing";
    touch(job);
    await save(job, index);
    // Under the style's lock the writer reads the target again: a change since the plan is a conflict.
    const check = (current: UpstreamStyle | undefined) => {
      if (!matchesBefore(current, item.before) && !matchesAfter(current, item.after)) throw new Conflict();
    };
    const common = {
      target,
      name: item.name,
      source: job.kind === "import" ? ("import" as const) : ("copy" as const),
      actor: job.actor,
      check,
      comment: `fleet ${job.kind} ${job.id} from ${job.source}`,
      // A cancel (or a lost lease) stops the write in flight too, also while it waits for the OSS rate.
      signal,
    };
    try {
      if (item.action === "delete" || !item.after) {
        await deps.writer.remove({ ...common, action: "delete" });
      } else {
        await deps.writer.put({
          ...common,
          action: job.kind === "import" ? "import" : "copy",
          content: item.after.content,
          category: item.after.category,
        });
      }
      item.status = "applied";
    } catch (error) {
      if (signal.aborted) {
        // The lease went to another replica: it finishes this `writing` item; this one saves nothing.
        if (signal.reason instanceof LeaseLost) throw error;
        await settleCancelled(item, target);
      } else if (error instanceof Conflict) {
        item.status = "conflict";
        item.message = "The style changed on the target since the plan; nothing was written.";
      } else if (error instanceof HttpError && error.code === "StyleLimitReached") {
        item.status = "over-limit";
        item.message = error.message;
      } else {
        item.status = "failed";
        // The job's items are shown to the person: the failure's safe text, never its raw message
        // (which goes to the server log).
        item.message = failureText(error, target.name);
        deps.log?.(
          `fleet job ${job.id}: ${item.name} on ${target.name} failed: ${scrubUpstreamText(String(error))}`,
        );
      }
    }
    touch(job);
    await save(job, index);
  }

  /**
   * A write stopped by a cancel: the writer has settled its audit row from OSS; the item says the same,
   * by reading the target (the write may have reached OSS before the abort did). Never left `writing`.
   */
  async function settleCancelled(item: JobItem, target: ManagedBucket) {
    try {
      const current = await target.styles.get(item.name);
      if (matchesAfter(current, item.after) && !matchesBefore(current, item.before)) {
        item.status = "applied";
        return;
      }
      item.status = "cancelled";
      item.message = "Cancelled before it was written.";
    } catch (error) {
      item.status = "failed";
      item.message = `Cancelled while being written; whether it reached OSS could not be read (the audit log settles it): ${failureText(error, target.name)}`;
    }
  }

  /** A `writing` item found after a restart: written or not, decided by reading the target. */
  async function finishInFlight(
    job: FleetJob,
    index: number,
    item: JobItem,
    target: ManagedBucket,
    signal: AbortSignal,
  ) {
    const current = await target.styles.get(item.name);
    if (matchesAfter(current, item.after)) {
      // Written before the crash: its audit row, begun ahead, is settled by the writer's reconciliation.
      item.status = "applied";
      touch(job);
      await save(job, index);
      return;
    }
    if (matchesBefore(current, item.before)) return write(job, index, item, target, signal);
    item.status = "conflict";
    item.message = "The style changed on the target while this job was interrupted.";
    touch(job);
    await save(job, index);
  }

  async function runTarget(job: FleetJob, name: string, signal: AbortSignal) {
    const indexes = job.items.flatMap((item, i) =>
      item.target === name && (item.status === "pending" || item.status === "writing") ? [i] : [],
    );
    if (indexes.length === 0) return;
    const target = deps.bucket(name);
    let current: Map<string, UpstreamStyle>;
    try {
      current = new Map((await target.styles.list()).map((s) => [s.name, s]));
    } catch (error) {
      if (signal.aborted) throw error;
      deps.log?.(`fleet job ${job.id}: listing ${name} failed: ${scrubUpstreamText(String(error))}`);
      const failed: number[] = [];
      for (const i of indexes) {
        const item = job.items[i] as JobItem;
        if (item.status !== "pending") continue;
        item.status = "failed";
        item.message = `Could not read the target's styles: ${failureText(error, name)}`;
        failed.push(i);
      }
      touch(job);
      await save(job, ...failed);
      return;
    }
    // Deletes first, all of them done before any other write: a sync's deletes free the room its
    // creates need under the bucket's style limit.
    const phases = [
      indexes.filter((i) => (job.items[i] as JobItem).action === "delete"),
      indexes.filter((i) => (job.items[i] as JobItem).action !== "delete"),
    ];
    for (const phase of phases) await runPhase(job, phase, target, current, signal);
  }

  async function runPhase(
    job: FleetJob,
    indexes: number[],
    target: ManagedBucket,
    current: Map<string, UpstreamStyle>,
    signal: AbortSignal,
  ) {
    let next = 0;
    let phase: number[] = [];
    const worker = async () => {
      while (next < phase.length) {
        const index = phase[next++] as number;
        const item = job.items[index] as JobItem;
        if (signal.aborted) continue;
        try {
          if (item.status === "writing") {
            await finishInFlight(job, index, item, target, signal);
          } else if (
            item.action === "unchanged" ||
            item.action === "invalid" ||
            item.action === "over-limit"
          ) {
            item.status = item.action;
            await save(job, index);
          } else if (!matchesBefore(current.get(item.name), item.before)) {
            item.status = "conflict";
            item.message = "The style changed on the target since the plan; nothing was written.";
            await save(job, index);
          } else {
            await write(job, index, item, target, signal);
          }
        } catch (error) {
          // Stopped (cancel, lease lost): the other workers' writes in flight are aborted and settled.
          if (!signal.aborted) throw error;
        }
      }
    };
    // Deletes first, all of them done before any create: the plan counted a target's room after its
    // deletes (a sync into a bucket at its style limit), and a create sent alongside a delete could reach
    // OSS first and be refused as over the limit.
    const deletes = indexes.filter((i) => (job.items[i] as JobItem).action === "delete");
    const others = indexes.filter((i) => (job.items[i] as JobItem).action !== "delete");
    for (const items of [deletes, others]) {
      phase = items;
      next = 0;
      await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    }
  }

  async function run(entry: LiveJob): Promise<void> {
    const { job, abort } = entry;
    try {
      let next = 0;
      const worker = async () => {
        while (next < job.targets.length) {
          const target = job.targets[next++] as string;
          await runTarget(job, target, abort.signal).catch((error: unknown) => {
            if (!abort.signal.aborted) throw error;
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(targetConcurrency, job.targets.length) }, worker));
      if (abort.signal.reason instanceof LeaseLost) {
        // Another replica holds the job now: it saves the rest; this one writes nothing more.
        deps.log?.(`fleet job ${job.id}: ${abort.signal.reason.message}; left to the replica that took it`);
        return;
      }
      const cancelled = job.items.flatMap((item, i) => (item.status === "pending" ? [i] : []));
      for (const i of cancelled) (job.items[i] as JobItem).status = "cancelled";
      touch(job);
      await save(job, ...cancelled);
      job.state = abort.signal.aborted ? "cancelled" : "done";
    } catch (error) {
      if (error instanceof LeaseLost) {
        deps.log?.(`fleet job ${job.id}: ${error.message}; left to the replica that took it`);
        return;
      }
      job.state = "failed";
      deps.log?.(`fleet job ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    touch(job);
    await deps.store.finish(job, owner);
  }

  /**
   * Runs `job` under the lease won by a statement sent at `leasedAt` (performance.now()): the lease is
   * counted from then, not from now, since loading a large job after winning it takes time too. A
   * `resumed` job renews its lease once before its first write, to see a cancel asked meanwhile.
   */
  function launch(job: FleetJob, leasedAt: number, resumed: boolean): Promise<void> {
    const entry: LiveJob = {
      job,
      abort: new AbortController(),
      done: Promise.resolve(),
      heldUntil: leasedAt + leaseMs - Math.min(5_000, leaseMs / 3),
    };
    /** Extends the lease; learns of a takeover or of a cancel asked on any replica. Never rejects. */
    const renew = (): Promise<void> => {
      const sent = performance.now();
      return deps.store.renew(job.id, owner, leaseMs).then(
        ({ held, cancelRequested }) => {
          if (!held) {
            entry.abort.abort(new LeaseLost(`the lease of job ${job.id} was taken over`));
            return;
          }
          entry.heldUntil = sent + leaseMs - Math.min(5_000, leaseMs / 3);
          if (cancelRequested) entry.abort.abort(new Error("cancelled by the operator"));
        },
        (error: unknown) =>
          deps.log?.(
            `fleet job ${job.id}: lease not renewed: ${error instanceof Error ? error.message : String(error)}`,
          ),
      );
    };
    const heartbeat = setInterval(() => void renew(), leaseMs / 3);
    // A resumed job may have been cancelled while no replica ran it: that is known before any write.
    entry.done = (resumed ? renew() : Promise.resolve())
      .then(() => run(entry))
      .catch((error: unknown) => {
        // The final save failed (database gone): the lease lapses and a replica resumes the job.
        deps.log?.(
          `fleet job ${job.id}: not saved at its end: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        clearInterval(heartbeat);
        live.delete(job.id);
      });
    live.set(job.id, entry);
    return entry.done;
  }

  /** Takes and runs every running job whose lease is free (or this replica's own, from before a restart). */
  async function resumeAll(): Promise<FleetJob[]> {
    const resumed: FleetJob[] = [];
    for (const id of await deps.store.claimable(owner)) {
      const leasedAt = performance.now();
      if (live.has(id) || !(await deps.store.claim(id, owner, leaseMs))) continue;
      const job = await deps.store.load(id);
      // A sweep and a start-up call may both have claimed it (the same owner): run it once.
      if (job?.state !== "running" || live.has(id)) continue;
      deps.log?.(`Resuming fleet job ${job.id} (${progressOf(job).done}/${job.items.length} done)`);
      void launch(job, leasedAt, true);
      resumed.push(job);
    }
    return resumed;
  }

  return {
    /**
     * Records a plan as a job awaiting its go (`planned`), durably.
     *
     * @example
     * const job = await runner.create({ kind: "copy", source: "a", targets: ["b"], actor, items });
     */
    async create(init: {
      kind: FleetJob["kind"];
      source: string;
      targets: string[];
      notPermitted?: string[];
      actor: Principal;
      items: PlanItem[];
    }) {
      const at = now().toISOString();
      const job: FleetJob = {
        id: randomUUID(),
        ...init,
        notPermitted: init.notPermitted ?? [],
        createdAt: at,
        updatedAt: at,
        state: "planned",
        items: init.items.map((item) => ({ ...item, status: "pending" })),
      };
      await deps.store.create(job);
      return job;
    },
    /**
     * Applies a planned job in the background; `wait` resolves when it ends. Only the planner may apply
     * its plan, once: a second apply is a 409.
     */
    async apply(id: string, actor: Principal): Promise<{ job: FleetJob; wait: Promise<void> }> {
      const job = await deps.store.load(id);
      if (!job) throw new HttpError("NoSuchJob", `There is no fleet job "${id}".`);
      const notPlanned = () =>
        new HttpError("JobNotPlanned", `Job "${id}" is ${job.state}; only a planned job can be applied.`);
      if (job.state !== "planned" || live.has(id)) throw notPlanned();
      if (job.actor.id !== actor.id)
        throw new HttpError("NotYourPlan", "Only who made this plan can apply it.");
      // One conditional UPDATE: of two replicas applying the same plan at once, one wins.
      const leasedAt = performance.now();
      if (!(await deps.store.start(id, owner, leaseMs))) {
        job.state = (await deps.store.load(id))?.state ?? job.state;
        throw notPlanned();
      }
      job.state = "running";
      touch(job);
      return { job, wait: launch(job, leasedAt, false) };
    },
    /**
     * Resumes every job a stopped replica (or this one, before a restart) left running, and from then on
     * looks again every `sweepMs` (call once at start-up; {@link stop} ends the looking).
     */
    async resumeAll(): Promise<FleetJob[]> {
      const sweepMs = deps.sweepMs ?? 10_000;
      if (sweepMs > 0 && !sweeper) {
        sweeper = setInterval(() => {
          resumeAll().catch((error: unknown) =>
            deps.log?.(
              `fleet: looking for jobs to resume failed: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
        }, sweepMs);
        sweeper.unref();
      }
      return resumeAll();
    },
    async get(id: string): Promise<FleetJob | undefined> {
      return live.get(id)?.job ?? (await deps.store.load(id));
    },
    /** The newest 50 jobs, newest first. */
    async list(): Promise<FleetJob[]> {
      const stored = await deps.store.list(50);
      return stored.map((j) => live.get(j.id)?.job ?? j);
    },
    /**
     * Stops a running job: its writes in flight are aborted (each settled from OSS: `applied` if it got
     * there first, else `cancelled`), the rest become `cancelled`. A job another replica
     * runs is asked to stop (it sees the request at its next lease renewal) and returned as it stands.
     */
    async cancel(id: string): Promise<FleetJob | undefined> {
      const entry = live.get(id);
      if (!entry) {
        await deps.store.requestCancel(id);
        return this.get(id);
      }
      entry.abort.abort(new Error("cancelled by the operator"));
      await entry.done;
      return entry.job;
    },
    /** Resolves when every running job has finished (tests, shutdown). */
    async idle(): Promise<void> {
      await Promise.all([...live.values()].map((e) => e.done));
    },
    /** Stops looking for jobs to resume (shutdown, tests); running jobs go on. */
    stop(): void {
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
