import { randomUUID } from "node:crypto";
import type { ManagedBucket, UpstreamStyle } from "../../buckets/bucket-styles.ts";
import { HttpError } from "../../http/error.ts";
import type { StyleWriter } from "../../styles/writer.ts";
import type { Principal } from "../../users/principal.ts";
import type { PortableStyle } from "../formats/style-file.ts";
import type { PlanItem, TargetSnapshot } from "../plan.ts";
import { type FleetJob, type JobItem, progressOf } from "./job.ts";
import type { JobStore } from "./job-store.ts";
import type { Pacer } from "./pacer.ts";

/**
 * Runs fleet jobs: per target, one ListStyle right before its items (so a change made since the plan is
 * seen as a `conflict` and never overwritten), then the writes through the pacer (never more than
 * `OSS_QPS` in any second), a few in flight at once. Every write is audited with its source and job
 * item. Durable steps: an item is saved as `writing` before its write is sent, and as `applied` after
 * its audit record; resuming a `writing` item reads the target and finishes it without writing twice.
 */

export interface RunnerDeps {
  store: JobStore;
  bucket: (name: string) => ManagedBucket;
  /** The one way to change a style: locked per style, audited ahead (styles/writer.ts). */
  writer: StyleWriter;
  pacer: Pacer;
  /** Writes in flight at once per target (default 8); the pacer sets the rate. */
  concurrency?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

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

export function createJobRunner(deps: RunnerDeps) {
  const now = deps.now ?? (() => new Date());
  const concurrency = deps.concurrency ?? 8;
  const live = new Map<string, { job: FleetJob; abort: AbortController; done: Promise<void> }>();

  const touch = (job: FleetJob) => {
    job.updatedAt = now().toISOString();
  };

  async function write(
    job: FleetJob,
    _index: number,
    item: JobItem,
    target: ManagedBucket,
    signal: AbortSignal,
  ) {
    item.status = "writing";
    touch(job);
    await deps.store.save(job);
    try {
      await deps.pacer.acquire(signal);
    } catch (error) {
      // Cancelled while waiting for its turn: nothing was sent.
      item.status = "cancelled";
      touch(job);
      await deps.store.save(job);
      throw error;
    }
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
      if (error instanceof Conflict) {
        item.status = "conflict";
        item.message = "The style changed on the target since the plan; nothing was written.";
      } else if (error instanceof HttpError && error.code === "StyleLimitReached") {
        item.status = "over-limit";
        item.message = error.message;
      } else {
        item.status = "failed";
        item.message = error instanceof Error ? error.message : String(error);
      }
    }
    touch(job);
    await deps.store.save(job);
  }

  /** A `writing` item found after a restart: written or not, decided by reading the target. */
  async function finishInFlight(
    job: FleetJob,
    index: number,
    item: JobItem,
    target: ManagedBucket,
    signal: AbortSignal,
  ) {
    await deps.pacer.acquire(signal);
    const current = await target.styles.get(item.name);
    if (matchesAfter(current, item.after)) {
      // Written before the crash: its audit row, begun ahead, is settled by the writer's reconciliation.
      item.status = "applied";
      touch(job);
      await deps.store.save(job);
      return;
    }
    if (matchesBefore(current, item.before)) return write(job, index, item, target, signal);
    item.status = "conflict";
    item.message = "The style changed on the target while this job was interrupted.";
    touch(job);
    await deps.store.save(job);
  }

  async function runTarget(job: FleetJob, name: string, signal: AbortSignal) {
    const indexes = job.items.flatMap((item, i) =>
      item.target === name && (item.status === "pending" || item.status === "writing") ? [i] : [],
    );
    if (indexes.length === 0) return;
    const target = deps.bucket(name);
    let current: Map<string, UpstreamStyle>;
    try {
      await deps.pacer.acquire(signal);
      current = new Map((await target.styles.list()).map((s) => [s.name, s]));
    } catch (error) {
      if (signal.aborted) throw error;
      for (const i of indexes) {
        const item = job.items[i] as JobItem;
        if (item.status !== "pending") continue;
        item.status = "failed";
        item.message = `Could not read the target's styles: ${error instanceof Error ? error.message : String(error)}`;
      }
      await deps.store.save(job);
      return;
    }
    let next = 0;
    const worker = async () => {
      while (next < indexes.length) {
        const index = indexes[next++] as number;
        const item = job.items[index] as JobItem;
        if (signal.aborted) {
          if (item.status === "pending") item.status = "cancelled";
          continue;
        }
        if (item.status === "writing") {
          await finishInFlight(job, index, item, target, signal);
        } else if (item.action === "unchanged" || item.action === "invalid" || item.action === "over-limit") {
          item.status = item.action;
        } else if (!matchesBefore(current.get(item.name), item.before)) {
          item.status = "conflict";
          item.message = "The style changed on the target since the plan; nothing was written.";
        } else {
          await write(job, index, item, target, signal);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, indexes.length) }, worker));
  }

  async function run(job: FleetJob, abort: AbortController): Promise<void> {
    try {
      for (const target of job.targets) {
        await runTarget(job, target, abort.signal).catch((error: unknown) => {
          if (!abort.signal.aborted) throw error;
        });
      }
      for (const item of job.items) if (item.status === "pending") item.status = "cancelled";
      job.state = abort.signal.aborted ? "cancelled" : "done";
    } catch (error) {
      job.state = "failed";
      deps.log?.(`fleet job ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    touch(job);
    await deps.store.save(job);
  }

  function launch(job: FleetJob): Promise<void> {
    const abort = new AbortController();
    const done = run(job, abort).finally(() => live.delete(job.id));
    live.set(job.id, { job, abort, done });
    return done;
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
      actor: Principal;
      items: PlanItem[];
    }) {
      const at = now().toISOString();
      const job: FleetJob = {
        id: randomUUID(),
        ...init,
        createdAt: at,
        updatedAt: at,
        state: "planned",
        items: init.items.map((item) => ({ ...item, status: "pending" })),
      };
      await deps.store.save(job);
      return job;
    },
    /**
     * Applies a planned job in the background; `wait` resolves when it ends. Only the planner may apply
     * its plan, once: a second apply is a 409.
     */
    async apply(id: string, actor: Principal): Promise<{ job: FleetJob; wait: Promise<void> }> {
      const job = await deps.store.load(id);
      if (!job) throw new HttpError("NoSuchJob", `There is no fleet job "${id}".`);
      if (job.state !== "planned" || live.has(id))
        throw new HttpError(
          "JobNotPlanned",
          `Job "${id}" is ${job.state}; only a planned job can be applied.`,
        );
      if (job.actor.id !== actor.id)
        throw new HttpError("NotYourPlan", "Only who made this plan can apply it.");
      job.state = "running";
      touch(job);
      await deps.store.save(job);
      return { job, wait: launch(job) };
    },
    /** Resumes every job a previous process left running (call once at start-up). */
    async resumeAll(): Promise<FleetJob[]> {
      const open = (await deps.store.list()).filter((j) => j.state === "running" && !live.has(j.id));
      for (const job of open) {
        deps.log?.(`Resuming fleet job ${job.id} (${progressOf(job).done}/${job.items.length} done)`);
        void launch(job);
      }
      return open;
    },
    async get(id: string): Promise<FleetJob | undefined> {
      return live.get(id)?.job ?? (await deps.store.load(id));
    },
    async list(): Promise<FleetJob[]> {
      const stored = await deps.store.list();
      return stored.map((j) => live.get(j.id)?.job ?? j);
    },
    /** Stops a running job after its in-flight writes; the rest become `cancelled`. */
    async cancel(id: string): Promise<FleetJob | undefined> {
      const entry = live.get(id);
      if (!entry) return this.get(id);
      entry.abort.abort(new Error("cancelled by the operator"));
      await entry.done;
      return entry.job;
    },
    /** Resolves when every running job has finished (tests, shutdown). */
    async idle(): Promise<void> {
      await Promise.all([...live.values()].map((e) => e.done));
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
