import type { Principal } from "../../users/principal.ts";
import type { PlanItem } from "../plan.ts";

/**
 * A fleet job: a reviewed plan being applied (copy, sync or import), item by item, durable between
 * steps so that a restart resumes it (jobs/runner.ts).
 */

/**
 * Where an item stands. `writing` is recorded (durably) before its write is sent: after a crash it
 * means "maybe written", and resuming reads the target to find out instead of writing twice.
 */
export type ItemStatus =
  | "pending"
  | "writing"
  | "applied"
  | "unchanged"
  | "conflict"
  | "over-limit"
  | "invalid"
  | "failed"
  | "cancelled";

export interface JobItem extends PlanItem {
  status: ItemStatus;
  message?: string;
  requestId?: string | null;
}

/** `planned`: reviewed, not yet applied (a plan is a job waiting for its go). */
export type JobState = "planned" | "running" | "done" | "cancelled" | "failed";

export interface FleetJob {
  id: string;
  kind: "copy" | "sync" | "import";
  /** The source bucket, or the file's `bucket` for an import. */
  source: string;
  targets: string[];
  /** Targets asked for that the planner's role may not write: shown, never planned. */
  notPermitted: string[];
  /** Who planned it: only they may apply it, and the audit records them. */
  actor: Principal;
  createdAt: string;
  updatedAt: string;
  state: JobState;
  items: JobItem[];
}

/** Counts for a progress bar: items finished (any final status) of all. */
export function progressOf(job: FleetJob): { done: number; total: number; byStatus: Record<string, number> } {
  const byStatus: Record<string, number> = {};
  for (const item of job.items) byStatus[item.status] = (byStatus[item.status] ?? 0) + 1;
  const open = (byStatus.pending ?? 0) + (byStatus.writing ?? 0);
  return { done: job.items.length - open, total: job.items.length, byStatus };
}
