import type { StyleDto } from "@style-console/contract/dto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { managedBuckets } from "../buckets/managed-buckets.ts";
import { createApiDeps } from "../compose.ts";
import { openDatabase } from "../db/database.ts";
import { Readiness } from "../db/readiness.ts";
import { replicaId } from "../fleet/replica-id.ts";
import {
  ADMIN_TOKEN,
  errorOf,
  type Harness,
  json,
  jsonOf,
  SAMPLES_DIR,
  startHarness,
  styleOf,
} from "../testing/harness.ts";
import type { DeletedStyleDto, VersionDto } from "./dto.ts";

let h: Harness;
let browser: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  browser = await h.browser();
});
afterAll(() => h.close());

const base = (name: string) => `/api/buckets/photos/styles/${name}`;
const get = (path: string, harness = h) => harness.request(path, { headers: browser });
const versionsOf = async (name: string, harness = h) => {
  const res = await get(`${base(name)}/versions`, harness);
  expect(res.status).toBe(200);
  return (await jsonOf<{ versions: VersionDto[] }>(res)).versions;
};
const restore = (name: string, id: number, body: unknown) =>
  h.request(`${base(name)}/versions/${id}/restore`, json("POST", browser, body));

describe("style versions", () => {
  it("records create, two updates and an external PutStyle, newest first, with authors and sources", async () => {
    const operator = await h.sessionAs("operator");
    const created = await styleOf(
      await h.request(
        "/api/buckets/photos/styles",
        json("POST", operator, { name: "hist", content: "image/resize,w_100" }),
      ),
    );
    const first = await styleOf(
      await h.request(
        base("hist"),
        json("PUT", browser, {
          content: "image/resize,w_200",
          expectedLastModifyTime: created.lastModifyTime,
        }),
      ),
    );
    await h.request(
      base("hist"),
      json("PUT", browser, { content: "image/resize,w_300", expectedLastModifyTime: first.lastModifyTime }),
    );
    // Someone else, with their own client, straight to OSS (the emulator), a second later.
    await new Promise((r) => setTimeout(r, 1100));
    await h.oss.putStyle("hist", "image/resize,w_400/quality,q_80", { bucket: "photos", category: "image" });
    // The console's read notices it.
    expect((await styleOf(await get(base("hist")))).content).toBe("image/resize,w_400/quality,q_80");

    const versions = await versionsOf("hist");
    expect(versions.map((v) => [v.action, v.source, v.content])).toEqual([
      ["update", "external", "image/resize,w_400/quality,q_80"],
      ["update", "console", "image/resize,w_300"],
      ["update", "console", "image/resize,w_200"],
      ["create", "console", "image/resize,w_100"],
    ]);
    expect(versions[0]?.actor).toBeNull();
    // The create by the operator account, the updates by the bootstrap admin.
    expect(versions.map((v) => v.actor?.username ?? null)).toEqual([null, "admin", "admin", "test-operator"]);
    expect(versions.map((v) => v.id)).toEqual([...versions.map((v) => v.id)].sort((a, b) => b - a));

    // Reading again records nothing new (idempotent).
    await get(base("hist"));
    await get("/api/buckets/photos/styles");
    expect(await versionsOf("hist")).toHaveLength(4);

    // Restore the first version: guarded, audited as `restore` with the comment.
    const current = await styleOf(await get(base("hist")));
    const oldest = versions.at(-1) as VersionDto;
    expect((await restore("hist", oldest.id, { comment: "back to 100" })).status).toBe(428);
    const stale = await restore("hist", oldest.id, { expectedLastModifyTime: created.lastModifyTime });
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).error.details?.current?.content).toBe("image/resize,w_400/quality,q_80");
    const restored = await restore("hist", oldest.id, {
      expectedLastModifyTime: current.lastModifyTime,
      comment: "back to 100",
    });
    expect(restored.status).toBe(200);
    expect((await styleOf(restored)).content).toBe("image/resize,w_100");
    const after = await versionsOf("hist");
    expect(after[0]).toMatchObject({
      action: "restore",
      source: "console",
      content: "image/resize,w_100",
      comment: "back to 100",
    });
    expect(after).toHaveLength(5);
  });

  it("keeps a deleted style's history, lists it as recently deleted, and restores it from there", async () => {
    await h.request(
      "/api/buckets/photos/styles",
      json("POST", browser, { name: "gone", content: "image/resize,w_50" }),
    );
    expect((await h.request(base("gone"), { method: "DELETE", headers: browser })).status).toBe(204);
    expect((await get(base("gone"))).status).toBe(404);

    const versions = await versionsOf("gone");
    expect(versions.map((v) => [v.action, v.deleted])).toEqual([
      ["delete", true],
      ["create", false],
    ]);
    const deleted = (await jsonOf<{ styles: DeletedStyleDto[] }>(await get("/api/buckets/photos/deleted")))
      .styles;
    const entry = deleted.find((d) => d.name === "gone");
    expect(entry).toMatchObject({ content: "image/resize,w_50", versionId: versions[0]?.id });

    // A deleted style is restored without expectedLastModifyTime; sending one is a 409 (it is gone).
    expect(
      (await restore("gone", entry?.versionId ?? 0, { expectedLastModifyTime: new Date().toISOString() }))
        .status,
    ).toBe(409);
    const res = await restore("gone", entry?.versionId ?? 0, { comment: "oops" });
    expect(res.status).toBe(200);
    expect((await styleOf(res)).content).toBe("image/resize,w_50");
    const now = (await jsonOf<{ styles: DeletedStyleDto[] }>(await get("/api/buckets/photos/deleted")))
      .styles;
    expect(now.some((d) => d.name === "gone")).toBe(false);
    expect((await versionsOf("gone"))[0]).toMatchObject({ action: "restore", comment: "oops" });
  });

  it("records a delete made outside the console when the bucket is listed", async () => {
    await h.request(
      "/api/buckets/photos/styles",
      json("POST", browser, { name: "outside", content: "image/resize,w_60" }),
    );
    await h.oss.deleteStyle("outside", { bucket: "photos" });
    await get("/api/buckets/photos/styles");
    const versions = await versionsOf("outside");
    expect(versions[0]).toMatchObject({
      action: "delete",
      source: "external",
      actor: null,
      content: "image/resize,w_60",
    });
  });

  it("answers 404 for a style with neither a version nor an existence, and for an unknown version", async () => {
    expect((await get(`${base("never-was")}/versions`)).status).toBe(404);
    expect(
      (await restore("hist", 999_999, { expectedLastModifyTime: new Date().toISOString() })).status,
    ).toBe(404);
  });
});

describe("two replicas on one database", () => {
  it("see the same history, and record an external change once when both read at once", async () => {
    // A second BFF replica: its own process state and database pool, the same PostgreSQL and OSS.
    const database = await openDatabase({ url: h.databaseUrl, poolSize: 4 });
    const api = createApiDeps({
      adminToken: ADMIN_TOKEN,
      sessionTtlMs: 3_600_000,
      buckets: managedBuckets({
        region: "cn-hangzhou",
        endpoint: h.emulator.endpoint,
        credentials: { accessKeyId: "TESTAKtestkey0001", accessKeySecret: h.secret },
        buckets: [
          { name: "photos", region: "cn-hangzhou" },
          { name: "avatars", region: "cn-hangzhou" },
        ],
        styleLimit: 50,
        client: { retry: false, timeoutMs: 5000 },
      }),
      database,
      readiness: new Readiness(),
      fleet: { replicaId: replicaId(`${h.dataDir}/fleet-2`), sweepMs: 0 },
      logger: { info: () => {}, error: () => {} },
      preview: { samplesDir: SAMPLES_DIR, uploadsDir: `${h.dataDir}/uploads-2` },
    });
    const app = createApp({ api });
    const other = {
      request: (path: string, init: RequestInit) => app.request(`http://localhost${path}`, init),
    };
    const otherBrowser = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    try {
      await h.request(
        "/api/buckets/photos/styles",
        json("POST", browser, { name: "shared", content: "image/resize,w_10" }),
      );
      await new Promise((r) => setTimeout(r, 1100));
      await h.oss.putStyle("shared", "image/resize,w_20", { bucket: "photos" });
      // Both replicas read at once: exactly one external version.
      await Promise.all([
        get(base("shared")),
        other.request(base("shared"), { headers: otherBrowser }),
        get("/api/buckets/photos/styles"),
        other.request("/api/buckets/photos/styles", { headers: otherBrowser }),
      ]);
      const mine = await versionsOf("shared");
      const theirs = (
        await jsonOf<{ versions: VersionDto[] }>(
          await other.request(`${base("shared")}/versions`, { headers: otherBrowser }),
        )
      ).versions;
      expect(mine.map((v) => [v.action, v.source])).toEqual([
        ["update", "external"],
        ["create", "console"],
      ]);
      expect(theirs).toEqual(mine);
    } finally {
      await database.close();
    }
  });
});

export type { StyleDto };
