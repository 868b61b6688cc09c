import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BucketEvents } from "./bucket-events.ts";
import { createUsageTestDatabase, type UsageTestDatabase } from "./testing.ts";

// The write-ahead audit of bucket settings: whatever the change throws, its row ends `failed` with a
// note, and the caller hears the change's own error.

let t: UsageTestDatabase;
beforeAll(async () => {
  t = await createUsageTestDatabase();
});
afterAll(() => t.drop());

const actor = { id: "u1", displayName: "Ann", via: "session" as const };

describe("BucketEvents.around", () => {
  it("records a change that throws a non-Error value as failed, and rethrows that value", async () => {
    const events = new BucketEvents(t.db);
    const thrown = { code: "NoSuchBucket" };
    await expect(
      events.around(actor, "photos", "logging.disable", { enabled: true }, { enabled: false }, () =>
        Promise.reject(thrown),
      ),
    ).rejects.toBe(thrown);
    const [event] = await events.list("photos", 1);
    expect(event).toMatchObject({ action: "logging.disable", status: "failed", actor: { name: "Ann" } });
    expect(event?.note).toBe("[object Object]");
  });

  it("records a committed change with who asked, before and after", async () => {
    const events = new BucketEvents(t.db);
    expect(
      await events.around(
        actor,
        "photos",
        "logging.enable",
        { enabled: false },
        { enabled: true },
        async () => 7,
      ),
    ).toBe(7);
    const [event] = await events.list("photos", 1);
    expect(event).toMatchObject({
      action: "logging.enable",
      status: "committed",
      before: { enabled: false },
      after: { enabled: true },
      note: null,
    });
  });
});
