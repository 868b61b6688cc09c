import type { ApiError } from "../../api/error.ts";

/** One style a bulk delete plan names, with the version the person saw (deleted only if still that one). */
export interface PlanItem {
  name: string;
  /** ISO; the delete is refused (409 `StyleChanged`) when OSS holds another version. */
  lastModifyTime: string;
}

/** What happened to one item: `changed` and `gone` are refusals the plan expects, `failed` anything else. */
export type ItemStatus =
  | { state: "planned" }
  | { state: "deleting" }
  | { state: "deleted" }
  | { state: "changed" }
  | { state: "gone" }
  | { state: "failed"; message: string }
  | { state: "skipped" };

/**
 * Runs a plan: one delete at a time (each goes through the server's write lock and audit; in parallel
 * they would only queue there and race the OSS request budget), reporting every status change. A
 * refusal of one item never stops the others; `shouldStop` (checked before each item) ends the run,
 * and the rest are `skipped`.
 * @example
 * await applyPlan(items, (item) => deleteStyleVersion(bucket, item.name, item.lastModifyTime), report);
 */
export async function applyPlan(
  items: readonly PlanItem[],
  remove: (item: PlanItem) => Promise<void>,
  report: (name: string, status: ItemStatus) => void,
  shouldStop: () => boolean = () => false,
): Promise<{ deleted: string[]; kept: string[] }> {
  const deleted: string[] = [];
  const kept: string[] = [];
  for (const item of items) {
    if (shouldStop()) {
      report(item.name, { state: "skipped" });
      kept.push(item.name);
      continue;
    }
    report(item.name, { state: "deleting" });
    try {
      await remove(item);
      deleted.push(item.name);
      report(item.name, { state: "deleted" });
    } catch (error) {
      const status = statusOf(error as ApiError);
      // Already gone is what the plan wanted: it counts as deleted, not as kept.
      if (status.state === "gone") deleted.push(item.name);
      else kept.push(item.name);
      report(item.name, status);
    }
  }
  return { deleted, kept };
}

function statusOf(error: ApiError): ItemStatus {
  switch (error.body?.code) {
    case "StyleChanged":
      return { state: "changed" };
    case "NoSuchStyle":
      return { state: "gone" };
    default:
      return { state: "failed", message: error.message };
  }
}
