import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuditEntryDto } from "@style-console/contract/dto";
import { describe, expect, it } from "vitest";
import { AuditLog } from "./audit-log.ts";

const entry = (style: string, action: AuditEntryDto["action"] = "create"): Omit<AuditEntryDto, "seq"> => ({
  time: new Date().toISOString(),
  tokenId: "abcdef012345",
  bucket: "photos",
  style,
  action,
  before: action === "create" ? null : { content: "image/resize,w_1", category: "image" },
  after: action === "delete" ? null : { content: "image/resize,w_2", category: "image" },
  requestId: "REQ",
});

const fresh = () => join(mkdtempSync(join(tmpdir(), "sc-audit-")), "audit", "audit.jsonl");

describe("AuditLog", () => {
  it("appends one JSON line per record with increasing sequence numbers, newest first on read", async () => {
    const file = fresh();
    const log = new AuditLog(file);
    await log.append(entry("a"));
    await log.append(entry("b"));
    await log.append(entry("a", "update"));
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(3);
    const page = await log.page({ limit: 10 });
    expect(page.entries.map((e) => [e.seq, e.style, e.action])).toEqual([
      [2, "a", "update"],
      [1, "b", "create"],
      [0, "a", "create"],
    ]);
    expect((await log.page({ style: "a", limit: 10 })).entries.map((e) => e.seq)).toEqual([2, 0]);
  });

  it("pages with a cursor", async () => {
    const log = new AuditLog(fresh());
    for (const style of ["s0", "s1", "s2", "s3", "s4"]) await log.append(entry(style));
    const first = await log.page({ limit: 2 });
    expect(first.entries.map((e) => e.style)).toEqual(["s4", "s3"]);
    expect(first.nextCursor).toBe(3);
    const second = await log.page({ limit: 2, cursor: 3 });
    expect(second.entries.map((e) => e.style)).toEqual(["s2", "s1"]);
    const last = await log.page({ limit: 2, cursor: 1 });
    expect(last).toMatchObject({ entries: [{ style: "s0" }], nextCursor: null });
  });

  it("ignores a torn last line after a crash and never glues the next record onto it", async () => {
    const file = fresh();
    const before = new AuditLog(file);
    await before.append(entry("kept"));
    // A crash in the middle of an append: half a record, no newline.
    appendFileSync(file, '{"v":1,"seq":1,"time":"2026-');
    const after = new AuditLog(file);
    expect((await after.page({ limit: 10 })).entries.map((e) => e.style)).toEqual(["kept"]);
    await after.append(entry("next"));
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines[1]).toBe('{"v":1,"seq":1,"time":"2026-');
    expect(JSON.parse(lines[2] ?? "")).toMatchObject({ style: "next", seq: 1 });
    expect((await new AuditLog(file).page({ limit: 10 })).entries.map((e) => e.style)).toEqual([
      "next",
      "kept",
    ]);
  });

  it("skips lines that are JSON but not records", async () => {
    const file = fresh();
    const log = new AuditLog(file);
    writeFileSync(file, '{"hello":"world"}\nnot json\n');
    await log.append(entry("real"));
    expect((await log.page({ limit: 10 })).entries).toMatchObject([{ style: "real", seq: 0 }]);
  });

  it("keeps appends from one process in order under concurrency", async () => {
    const log = new AuditLog(fresh());
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(entry(`c${i}`))));
    const seqs = (await log.page({ limit: 50 })).entries.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
  });
});
