import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/error.ts";
import { applyPlan, type ItemStatus } from "./plan.ts";

const items = ["a", "b", "c", "d"].map((name) => ({ name, lastModifyTime: "2026-11-29T00:00:00.000Z" }));

describe("applyPlan", () => {
  it("deletes one at a time, in plan order, and reports each step", async () => {
    const log: string[] = [];
    let running = 0;
    const outcome = await applyPlan(
      items,
      async (item) => {
        running++;
        expect(running).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 1));
        log.push(`delete ${item.name}`);
        running--;
      },
      (name, status) => log.push(`${name} ${status.state}`),
    );
    expect(outcome).toEqual({ deleted: ["a", "b", "c", "d"], kept: [] });
    expect(log.slice(0, 3)).toEqual(["a deleting", "delete a", "a deleted"]);
  });

  it("keeps going past refusals: changed is kept, already gone counts as deleted, others fail with the message", async () => {
    const statuses = new Map<string, ItemStatus>();
    const outcome = await applyPlan(
      items,
      async (item) => {
        if (item.name === "a")
          throw new ApiError(409, "StyleChanged", "changed", undefined, { current: null });
        if (item.name === "b") throw new ApiError(404, "NoSuchStyle", "gone");
        if (item.name === "c") throw new ApiError(503, "UpstreamBusy", "OSS is busy");
      },
      (name, status) => statuses.set(name, status),
    );
    expect(outcome).toEqual({ deleted: ["b", "d"], kept: ["a", "c"] });
    expect(statuses.get("a")).toEqual({ state: "changed" });
    expect(statuses.get("b")).toEqual({ state: "gone" });
    expect(statuses.get("c")).toEqual({ state: "failed", message: "OSS is busy" });
    expect(statuses.get("d")).toEqual({ state: "deleted" });
  });

  it("stops before the next item when asked, and marks the rest skipped", async () => {
    let stop = false;
    const deleted: string[] = [];
    const outcome = await applyPlan(
      items,
      async (item) => {
        deleted.push(item.name);
        if (item.name === "b") stop = true;
      },
      () => {},
      () => stop,
    );
    expect(deleted).toEqual(["a", "b"]);
    expect(outcome).toEqual({ deleted: ["a", "b"], kept: ["c", "d"] });
  });
});
