import { describe, expect, it } from "vitest";
import type { PortableStyle } from "./formats/style-file.ts";
import { type PlanAction, planTarget, writes } from "./plan.ts";

// Issue 12: plans as a table. planTarget is pure: each row is the target's state, what comes in, and
// the action the plan must show for it. `conflict` is an apply-time outcome (fleet-routes.test.ts,
// resume.test.ts), not a plan action.

const at = "2026-11-29T10:00:00.000Z";
const style = (name: string, content: string, category = "image"): PortableStyle => ({
  name,
  content,
  category,
});
const onTarget = (name: string, content: string, category = "image") => ({
  ...style(name, content, category),
  lastModifyTime: at,
});
const invalidIfBad = (s: PortableStyle) => (s.name.includes(" ") ? "The style name is not valid" : undefined);

const rows: Array<{
  what: string;
  current: ReturnType<typeof onTarget>[];
  source: PortableStyle[];
  limit?: number;
  deleteExtras?: boolean;
  expected: Array<[string, PlanAction]>;
}> = [
  {
    what: "absent on the target",
    current: [],
    source: [style("a", "image/resize,w_1")],
    expected: [["a", "create"]],
  },
  {
    what: "other content on the target",
    current: [onTarget("a", "image/resize,w_2")],
    source: [style("a", "image/resize,w_1")],
    expected: [["a", "update"]],
  },
  {
    what: "another category only",
    current: [onTarget("a", "image/resize,w_1", "document")],
    source: [style("a", "image/resize,w_1")],
    expected: [["a", "update"]],
  },
  {
    what: "the same content and category",
    current: [onTarget("a", "image/resize,w_1")],
    source: [style("a", "image/resize,w_1")],
    expected: [["a", "unchanged"]],
  },
  {
    what: "a name the target refuses",
    current: [],
    source: [style("a b", "image/resize,w_1")],
    expected: [["a b", "invalid"]],
  },
  {
    what: "a target at its style limit: creates over it, updates still fit",
    current: [onTarget("x", "image/resize,w_9"), onTarget("a", "image/resize,w_2")],
    source: [style("a", "image/resize,w_1"), style("b", "image/resize,w_1")],
    limit: 2,
    expected: [
      ["a", "update"],
      ["b", "over-limit"],
    ],
  },
  {
    what: "a target one below its limit: the first create fits, the next does not",
    current: [onTarget("x", "image/resize,w_9")],
    source: [style("b", "image/resize,w_1"), style("c", "image/resize,w_1")],
    limit: 2,
    expected: [
      ["b", "create"],
      ["c", "over-limit"],
    ],
  },
  {
    what: "extras kept on a copy",
    current: [onTarget("x", "image/resize,w_9")],
    source: [style("a", "image/resize,w_1")],
    expected: [["a", "create"]],
  },
  {
    what: "extras deleted on a sync, first, freeing room for creates",
    current: [onTarget("x", "image/resize,w_9")],
    source: [style("a", "image/resize,w_1")],
    limit: 1,
    deleteExtras: true,
    expected: [
      ["x", "delete"],
      ["a", "create"],
    ],
  },
];

describe("copy, sync and import plans", () => {
  it.each(rows)("$what", ({ current, source, limit = 50, deleteExtras = false, expected }) => {
    const plan = planTarget({ target: "t", source, current, limit, deleteExtras, validate: invalidIfBad });
    expect(plan.map((i) => [i.name, i.action])).toEqual(expected);
    for (const item of plan) {
      // What an apply compares against to see a conflict: the target's version when planned.
      const was = current.find((c) => c.name === item.name);
      expect(item.before).toEqual(
        was ? { content: was.content, category: was.category, lastModifyTime: at } : null,
      );
      expect(writes(item)).toBe(["create", "update", "delete"].includes(item.action));
    }
  });

  it("is the same plan for the same input (the reviewed plan is the plan that runs)", () => {
    const input = {
      target: "t",
      source: [style("a", "image/resize,w_1"), style("b", "image/resize,w_2")],
      current: [onTarget("a", "image/resize,w_3")],
      limit: 2,
      deleteExtras: false,
      validate: invalidIfBad,
    };
    expect(planTarget(input)).toEqual(planTarget(input));
  });
});
