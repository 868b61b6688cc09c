import type { PortableStyle } from "./formats/style-file.ts";

/**
 * Copy, sync and import plans: what applying a set of styles to a target bucket would do, per style,
 * decided from the target's current styles and limit before anything is written. Pure: the same input
 * always gives the same plan, so the plan a person reviewed is the plan that runs.
 */

/** What a plan item does; `conflict` only arises at apply time (the target changed since the plan). */
export type PlanAction = "create" | "update" | "unchanged" | "over-limit" | "invalid" | "delete";

/** A style as the plan saw it on the target: what an apply compares against to detect a conflict. */
export interface TargetSnapshot {
  content: string;
  category: string;
  /** ISO 8601. */
  lastModifyTime: string;
}

export interface PlanItem {
  target: string;
  name: string;
  action: PlanAction;
  /** Why: the validation message for `invalid`, the limit for `over-limit`. */
  reason?: string;
  /** The target's style when planned; null when absent. */
  before: TargetSnapshot | null;
  /** What the target gets; null for `delete`. */
  after: PortableStyle | null;
}

export interface PlanInput {
  target: string;
  /** The styles to bring over, in order (a file's or a source bucket's, filtered). */
  source: readonly PortableStyle[];
  /** The target's styles now. */
  current: ReadonlyArray<PortableStyle & { lastModifyTime: string }>;
  /** The target's style limit. */
  limit: number;
  /** Sync: also delete the target's styles the source does not have. */
  deleteExtras: boolean;
  /** The target's rule for a style: a message when it would refuse it, undefined when fine. */
  validate: (style: PortableStyle) => string | undefined;
}

function snapshot(style: PortableStyle & { lastModifyTime: string }): TargetSnapshot {
  return { content: style.content, category: style.category, lastModifyTime: style.lastModifyTime };
}

/**
 * Plans one target: deletes (sync only) first, so they free room; updates never change the count;
 * creates in source order until the limit, the rest `over-limit`. An unchanged category counts as
 * unchanged only when content and category both match.
 *
 * @example
 * planTarget({ target: "b", source: [{ name: "t", content: "image/resize,w_1", category: "image" }],
 *   current: [], limit: 50, deleteExtras: false, validate: () => undefined });
 * // [{ target: "b", name: "t", action: "create", before: null, after: { … } }]
 */
export function planTarget(input: PlanInput): PlanItem[] {
  const current = new Map(input.current.map((s) => [s.name, s]));
  const wanted = new Set(input.source.map((s) => s.name));
  const items: PlanItem[] = [];
  let count = input.current.length;
  if (input.deleteExtras) {
    for (const style of input.current) {
      if (wanted.has(style.name)) continue;
      items.push({
        target: input.target,
        name: style.name,
        action: "delete",
        before: snapshot(style),
        after: null,
      });
      count--;
    }
  }
  for (const style of input.source) {
    const existing = current.get(style.name);
    const before = existing ? snapshot(existing) : null;
    const base = { target: input.target, name: style.name, before, after: { ...style } };
    const problem = input.validate(style);
    if (problem !== undefined) {
      items.push({ ...base, action: "invalid", reason: problem });
      continue;
    }
    if (existing) {
      const same = existing.content === style.content && existing.category === style.category;
      items.push({ ...base, action: same ? "unchanged" : "update" });
      continue;
    }
    if (count >= input.limit) {
      items.push({
        ...base,
        action: "over-limit",
        reason: `The bucket would pass its limit of ${input.limit} styles.`,
      });
      continue;
    }
    count++;
    items.push({ ...base, action: "create" });
  }
  return items;
}

/** Whether an item writes anything when applied. */
export function writes(item: PlanItem): boolean {
  return item.action === "create" || item.action === "update" || item.action === "delete";
}
