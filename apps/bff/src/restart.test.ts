import type { AuditPageDto, StyleDto } from "@style-console/contract/dto";
import { describe, expect, it } from "vitest";
import { boot, json, jsonOf, startHarness } from "./testing/harness.ts";

describe("restarting on the same data directory", () => {
  it("keeps every style (through the emulator's data directory) and the audit log", async () => {
    const first = await startHarness();
    const path = "/api/buckets/photos/styles";
    await first.request(
      path,
      json("POST", first.bearer, { name: "survivor", content: "image/resize,w_640", category: "image" }),
    );
    await first.request(path, json("POST", first.bearer, { name: "doomed", content: "image/resize,w_1" }));
    await first.request(`${path}/doomed`, { method: "DELETE", headers: first.bearer });
    const before = await jsonOf<{ styles: StyleDto[] }>(await first.request(path, { headers: first.bearer }));
    await first.close();

    const second = await boot(first.dataDir, first.secret);
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
      // New records continue the sequence instead of restarting it.
      await second.request(`${path}/survivor`, json("PUT", second.bearer, { content: "image/resize,w_320" }));
      const next = await jsonOf<AuditPageDto>(
        await second.request("/api/audit?limit=1", { headers: second.bearer }),
      );
      expect(next.entries[0]).toMatchObject({
        seq: 3,
        action: "update",
        before: { content: "image/resize,w_640" },
      });
    } finally {
      await second.close();
    }
  });
});
