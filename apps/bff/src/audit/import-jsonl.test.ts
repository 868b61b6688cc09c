import { existsSync, renameSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import type { AuditEntryDto, AuditPageDto } from "@style-console/contract/dto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, jsonOf, startHarness } from "../testing/harness.ts";
import { AuditLog } from "./audit-log.ts";
import { importLegacyAudit } from "./import-jsonl.ts";

// A data directory as today's release leaves it: the audit log written by the release's own AuditLog
// (audit/log.ts), including a torn last line from a crash mid-append.
let h: Harness;
let file: string;
const written: AuditEntryDto[] = [];

beforeAll(async () => {
  h = await startHarness();
  file = join(h.dataDir, "audit", "audit.jsonl");
  const log = new AuditLog(file);
  const versions = ["image/resize,w_100", "image/resize,w_200", "image/resize,w_300"];
  for (let i = 0; i < 30; i++) {
    const action = i % 10 === 0 ? "create" : i % 10 === 9 ? "delete" : "update";
    written.push(
      await log.append({
        time: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
        tokenId: "0123456789ab",
        bucket: i < 20 ? "photos" : "avatars",
        style: `style-${Math.floor(i / 10)}`,
        action,
        before: action === "create" ? null : { content: versions[i % 3] ?? "", category: "image" },
        after: action === "delete" ? null : { content: versions[(i + 1) % 3] ?? "", category: "image" },
        requestId: `REQ${i}`,
      }),
    );
  }
  await appendFile(file, '{"v":1,"seq":30,"time":"2026-11-0'); // torn by a crash
});
afterAll(() => h.close());

const all = async () => jsonOf<AuditPageDto>(await h.request("/api/audit?limit=200", { headers: h.bearer }));

describe("importing the JSONL audit log of earlier releases", () => {
  it("shows every old entry, in order, with who and both versions; retires the file", async () => {
    const result = await importLegacyAudit(h.database.db, file);
    expect(result).toEqual({ found: 30, imported: 30, retiredTo: `${file}.imported` });
    expect(existsSync(file)).toBe(false);
    const { entries } = await all();
    expect(entries).toHaveLength(30);
    const oldestFirst = [...entries].reverse();
    oldestFirst.forEach((entry, i) => {
      const old = written[i];
      expect(entry).toMatchObject({
        time: old?.time,
        tokenId: old?.tokenId,
        bucket: old?.bucket,
        style: old?.style,
        action: old?.action,
        requestId: old?.requestId,
        status: "committed",
        before: old?.before ? { content: old.before.content, category: old.before.category } : null,
        after: old?.after ? { content: old.after.content, category: old.after.category } : null,
      });
    });
  });

  it("imports nothing twice: not on the next start, nor after a crash before the file was retired", async () => {
    expect(await importLegacyAudit(h.database.db, file)).toEqual({ found: 0, imported: 0, retiredTo: null });
    renameSync(`${file}.imported`, file); // as if the process died between the commit and the rename
    expect(await importLegacyAudit(h.database.db, file)).toEqual({
      found: 30,
      imported: 0,
      retiredTo: `${file}.imported`,
    });
    expect((await all()).entries).toHaveLength(30);
  });
});
