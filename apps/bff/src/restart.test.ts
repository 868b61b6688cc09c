import type { AuditPageDto, StyleDto } from "@style-console/contract/dto";
import { describe, expect, it } from "vitest";
import { boot, json, jsonOf, startHarness } from "./testing/harness.ts";

describe.each(["pglite", "postgres"] as const)("restarting on the same data directory (%s)", (engine) => {
  it("keeps every style (through the emulator's data directory), the audit log and the sessions", async () => {
    const first = await startHarness({ database: engine });
    const browser = await first.browser();
    const path = "/api/buckets/photos/styles";
    await first.request(
      path,
      json("POST", first.bearer, { name: "survivor", content: "image/resize,w_640", category: "image" }),
    );
    await first.request(path, json("POST", first.bearer, { name: "doomed", content: "image/resize,w_1" }));
    await first.request(`${path}/doomed`, { method: "DELETE", headers: first.bearer });
    const before = await jsonOf<{ styles: StyleDto[] }>(await first.request(path, { headers: first.bearer }));

    await first.close({ keepDatabase: true });

    const second = await boot(first.dataDir, first.secret, { database: first.databaseUrl ?? "pglite" });
    try {
      const after = await jsonOf<{ styles: StyleDto[] }>(
        await second.request(path, { headers: second.bearer }),
      );
      expect(after).toEqual(before);
      expect(after.styles.map((s) => s.name)).toEqual(["survivor"]);
      const audit = await jsonOf<AuditPageDto>(
        await second.request("/api/audit", { headers: second.bearer }),
      );
      expect(audit.entries.map((e) => `${e.action} ${e.style}`)).toEqual([
        "delete doomed",
        "create doomed",
        "create survivor",
      ]);
      // A restart signs nobody out.
      const session = await jsonOf<{ signedIn: boolean }>(
        await second.request("/api/session", { headers: browser }),
      );
      expect(session.signedIn).toBe(true);
      // New records continue the sequence instead of restarting it.
      await second.request(
        `${path}/survivor`,
        json("PUT", second.bearer, { content: "image/resize,w_320", force: true }),
      );
      const next = await jsonOf<AuditPageDto>(
        await second.request("/api/audit?limit=1", { headers: second.bearer }),
      );
      expect(next.entries[0]).toMatchObject({
        seq: (audit.entries[0]?.seq ?? 0) + 1,
        action: "update",
        before: { content: "image/resize,w_640" },
      });
    } finally {
      await second.close({ keepDatabase: false });
    }
    // Two starts of the embedded engine (the first runs initdb) on a shared CPU.
  }, 180_000);
});
