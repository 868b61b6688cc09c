import { existsSync, renameSync } from "node:fs";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { AuditLog } from "./audit-log.ts";

/**
 * Imports the audit log of earlier releases (`DATA_DIR/audit/audit.jsonl`, one JSON line per change)
 * into `audit_events`, then retires the file (renamed to `audit.jsonl.imported`). Idempotent: each line
 * becomes the row with `legacy_seq` = its `seq` (unique, inserted with ON CONFLICT DO NOTHING) in one
 * transaction, so a crash before the rename imports nothing twice at the next start. Torn or unreadable
 * lines are skipped as the old reader skipped them. Returns how many rows were added.
 * @example
 * await importLegacyAudit(db, ".data/audit/audit.jsonl"); // { found: 12, imported: 12, retiredTo: ".data/audit/audit.jsonl.imported" }
 */
export async function importLegacyAudit(
  db: Kysely<Database>,
  file: string,
): Promise<{ found: number; imported: number; retiredTo: string | null }> {
  if (!existsSync(file)) return { found: 0, imported: 0, retiredTo: null };
  const old = await new AuditLog(file).page({ limit: Number.MAX_SAFE_INTEGER });
  const entries = [...old.entries].sort((a, b) => a.seq - b.seq);
  let imported = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < entries.length; i += 500) {
      const rows = entries.slice(i, i + 500).map((e) => ({
        time: e.time,
        completed_at: e.time,
        bucket: e.bucket,
        style: e.style,
        action: e.action,
        source: "console" as const,
        actor_id: e.tokenId,
        actor_name: `Admin token ${e.tokenId}`,
        actor_via: null,
        before_content: e.before?.content ?? null,
        before_category: e.before?.category ?? null,
        after_content: e.after?.content ?? null,
        after_category: e.after?.category ?? null,
        status: "committed" as const,
        comment: null,
        request_id: e.requestId,
        note: "imported from audit.jsonl",
        legacy_seq: e.seq,
      }));
      if (rows.length === 0) continue;
      const inserted = await trx
        .insertInto("audit_events")
        .values(rows)
        .onConflict((oc) => oc.column("legacy_seq").doNothing())
        .returning("id")
        .execute();
      imported += inserted.length;
    }
  });
  const retiredTo = `${file}.imported`;
  renameSync(file, retiredTo);
  return { found: entries.length, imported, retiredTo };
}
