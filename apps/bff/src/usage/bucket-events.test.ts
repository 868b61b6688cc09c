import { createOssClient } from "@style-console/oss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ossLogSource } from "../buckets/oss-bucket-logs.ts";
import { HttpError } from "../http/error.ts";
import { signedParts, startQuotingProxy } from "../testing/quoting-proxy.ts";
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
    const [event] = await events.list("photos", "logging", 1);
    expect(event).toMatchObject({ action: "logging.disable", status: "failed", actor: { name: "Ann" } });
    expect(event?.note).toBe('An unexpected object for bucket "photos" (its text is in the server log).');
  });

  it("notes OSS's code, words and request id, never the signed request a gateway quoted back", async () => {
    const proxy = await startQuotingProxy();
    try {
      const credentials = { accessKeyId: "events-ak", accessKeySecret: "events-secret" };
      const client = createOssClient({
        region: "cn-hangzhou",
        endpoint: proxy.endpoint,
        credentials,
        retry: false,
      });
      const logs = ossLogSource(client, [credentials.accessKeySecret]);
      const events = new BucketEvents(t.db);
      const thrown = await events
        .around(actor, "photos", "logging.enable", { enabled: false }, { enabled: true }, () =>
          logs.putLogging("photos", { targetBucket: "logs", targetPrefix: "access/" }),
        )
        .catch((error: unknown) => error);
      expect(thrown).toBeInstanceOf(HttpError);
      expect(thrown).toMatchObject({ code: "UpstreamDenied" });
      // The PUT's own answer (what the browser gets) and the stored note are both clean.
      const body = JSON.stringify((thrown as HttpError).toBody());
      const [event] = await events.list("photos", "logging", 1);
      const note = event?.note ?? "";
      for (const part of signedParts(proxy)) expect(body).not.toContain(part);
      expect(body).toContain(proxy.requestId);
      expect(event?.status).toBe("failed");
      expect(note).toMatch(/AccessDenied.*Access denied by gateway policy/);
      expect(note).toContain(proxy.requestId);
      expect(signedParts(proxy).length).toBeGreaterThan(0);
      for (const part of signedParts(proxy)) expect(note).not.toContain(part);
      expect(note).not.toContain(credentials.accessKeyId);
    } finally {
      await proxy.close();
    }
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
    const [event] = await events.list("photos", "logging", 1);
    expect(event).toMatchObject({
      action: "logging.enable",
      status: "committed",
      before: { enabled: false },
      after: { enabled: true },
      note: null,
    });
  });
});
