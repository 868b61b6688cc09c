import { describe, expect, it, vi } from "vitest";
import type { AuditStore } from "../audit/store.ts";
import type { ManagedBucket, UpstreamStyle } from "../buckets/bucket-styles.ts";
import { HttpError } from "../http/error.ts";
import { adminPrincipal } from "../session/principal.ts";
import { createStyleService } from "./style-service.ts";
import type { StyleWriter, WriteContext } from "./writer.ts";

// The one path the route tests cannot stage: the copy is made, then deleting the old name fails.
const old: UpstreamStyle = {
  name: "old",
  content: "image/resize,w_10",
  category: "image",
  createTime: new Date("2026-11-01T00:00:00Z"),
  lastModifyTime: new Date("2026-11-02T00:00:00Z"),
};
const bucket = {
  name: "photos",
  styles: { get: async (name: string) => (name === "old" ? old : undefined) },
} as unknown as ManagedBucket;

describe("rename when the old name cannot be deleted", () => {
  it("deletes the copy again (audited as the rename undone) and answers the delete's error", async () => {
    const removed: WriteContext[] = [];
    const writer = {
      put: vi.fn(async (ctx: WriteContext & { content: string }) => ({
        style: { ...old, name: ctx.name },
        auditId: 1,
      })),
      remove: vi.fn(async (ctx: WriteContext) => {
        removed.push(ctx);
        if (ctx.name === "old") throw new HttpError("UpstreamBusy", "OSS is busy");
        return { auditId: 3 };
      }),
    } as unknown as StyleWriter;
    const service = createStyleService({ buckets: [bucket], audit: {} as AuditStore, writer });
    const renaming = service.rename(adminPrincipal("0123456789ab", "session"), "photos", "old", {
      newName: "new",
      expectedLastModifyTime: old.lastModifyTime.toISOString(),
    });
    await expect(renaming).rejects.toMatchObject({ code: "UpstreamBusy" });
    expect(removed.map((r) => [r.name, r.action, r.comment])).toEqual([
      ["old", "rename", "renamed to new"],
      ["new", "rename", "rename of old undone: the old name could not be deleted"],
    ]);
    expect(writer.put).toHaveBeenCalledWith(
      expect.objectContaining({
        name: "new",
        content: old.content,
        action: "rename",
        comment: "renamed from old",
      }),
    );
  });
});
