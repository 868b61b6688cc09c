import type { AuditStore, AuditVersion } from "../audit/store.ts";
import type { AuditAction, AuditSource } from "../audit/tables.ts";
import type { ManagedBucket, UpstreamStyle } from "../buckets/bucket-styles.ts";
import type { DistributedLocks } from "../db/locks.ts";
import type { Logger } from "../platform/logger.ts";
import type { Principal } from "../session/principal.ts";

/** What every audited write of a style says besides the version itself. */
export interface WriteContext {
  target: ManagedBucket;
  name: string;
  action: AuditAction;
  source?: AuditSource;
  actor: Principal | null;
  forced?: boolean;
  comment?: string | null;
  /**
   * Runs under the style's lock with the version OSS holds now (undefined: no such style); throws (an
   * `HttpError` 404/409/…) to refuse the write. Nothing is recorded when it throws.
   */
  check?: (current: UpstreamStyle | undefined) => void;
  /**
   * Stops the write (a cancelled fleet job's): its OSS calls, also while they wait for the rate limit,
   * are aborted. Aborted before the intent is recorded, nothing is; after, the row is settled from what
   * OSS holds (read without the signal) before the abort is rethrown, so it never stays `pending`.
   */
  signal?: AbortSignal | undefined;
}

export interface StyleWriterOptions {
  audit: AuditStore;
  locks: DistributedLocks;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const versionOf = (style: UpstreamStyle): AuditVersion => ({
  content: style.content,
  category: style.category,
  lastModifyTime: style.lastModifyTime,
});

/**
 * The one way to change a style in OSS: serialized per (bucket, style) across replicas, audited ahead.
 *
 * Each write runs under the style's {@link DistributedLocks} lock: read OSS, `check`, record the intent
 * (`pending`), call OSS, read back, settle the row (`committed`). OSS keeps whole seconds and has no
 * conditional PutStyle: a put in the same second as the version it replaces would keep its
 * LastModifyTime and hide the change from other editors' `expectedLastModifyTime`, so such a put is
 * repeated (same content) a full second later. A row left `pending` by a crash is settled from OSS
 * (see {@link reconcile}) before the next write of that style, under the same lock, and at start, so a
 * crash inside the same-second window ends as a recorded write with a new LastModifyTime.
 */
export function createStyleWriter(options: StyleWriterOptions) {
  const { audit, locks } = options;
  const sleep = options.sleep ?? sleepFor;
  const lockKey = (target: ManagedBucket, name: string) => `${target.name}/${name}`;

  async function read(target: ManagedBucket, name: string, signal?: AbortSignal) {
    return target.styles.get(name, signal);
  }

  /** Puts, reads back, and re-puts a second later when LastModifyTime did not move (see above). */
  async function putAndRead(
    target: ManagedBucket,
    name: string,
    content: string,
    category: string | undefined,
    previous: UpstreamStyle | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{ stored: UpstreamStyle; requestId: string | null }> {
    let { requestId } = await target.styles.put(name, content, category, signal);
    let stored = await read(target, name, signal);
    if (previous && stored && stored.lastModifyTime.getTime() === previous.lastModifyTime.getTime()) {
      await sleep(1000);
      signal?.throwIfAborted();
      ({ requestId } = await target.styles.put(name, content, category, signal));
      stored = await read(target, name, signal);
    }
    if (!stored) throw new Error(`OSS lost style "${name}" right after the put`);
    return { stored, requestId };
  }

  /**
   * Settles one pending row from what OSS holds now. Call only under the style's lock (so no live write
   * of this style is in flight). The intended version in OSS: `reconciled` (with a second put when
   * LastModifyTime had not moved); otherwise `failed`.
   */
  async function settle(id: number, target: ManagedBucket): Promise<"reconciled" | "failed" | "settled"> {
    const row = await audit.get(id);
    if (row === undefined) return "settled";
    if (row.status !== "pending") return "settled";
    const now = await read(target, row.style);
    if (row.after_content === null) {
      if (now === undefined) {
        await audit.complete(id, {
          status: "reconciled",
          after: null,
          requestId: null,
          note: "found deleted in OSS",
        });
        return "reconciled";
      }
      await audit.complete(id, {
        status: "failed",
        note: "OSS still has the style: the delete did not happen",
      });
      return "failed";
    }
    const holdsIntent =
      now !== undefined &&
      now.content === row.after_content &&
      (row.after_category === null || now.category === row.after_category);
    if (!holdsIntent) {
      await audit.complete(id, {
        status: "failed",
        note: "OSS does not hold the intended version: the write did not happen",
      });
      return "failed";
    }
    let stored = now;
    let requestId: string | null = null;
    const before = row.before_last_modify_time;
    if (before !== null && stored.lastModifyTime.getTime() === before.getTime()) {
      await sleep(1000);
      ({ requestId } = await target.styles.put(row.style, stored.content, stored.category || undefined));
      stored = (await read(target, row.style)) ?? stored;
    }
    await audit.complete(id, {
      status: "reconciled",
      after: versionOf(stored),
      requestId,
      note: "found written in OSS after an interrupted write",
    });
    return "reconciled";
  }

  async function settleOrphans(target: ManagedBucket, name: string): Promise<void> {
    for (const row of await audit.pending(target.name, name)) await settle(row.id, target);
  }

  // After a failed OSS call we do not know whether it happened (a timeout may follow a success): read
  // OSS now, under the lock still held. If even that fails, the row stays pending for the next write or start.
  async function settleAfterError(id: number, target: ManagedBucket): Promise<void> {
    try {
      await settle(id, target);
    } catch (error) {
      options.logger?.error(
        `audit: event ${id} stays pending (OSS unreadable now): ${(error as Error).message}`,
      );
    }
  }

  return {
    /**
     * Creates or replaces a style's content (create, update, restore, copy, import …). `category`
     * undefined keeps the current one (PutStyle would otherwise reset it). Writing the version OSS
     * already holds changes nothing and records nothing (`auditId: null`).
     * @example
     * const { style } = await writer.put({ target, name: "thumb", action: "update", actor, content, check });
     */
    async put(
      ctx: WriteContext & { content: string; category?: string | undefined },
    ): Promise<{ style: UpstreamStyle; auditId: number | null }> {
      const { target, name } = ctx;
      return locks.run("style", lockKey(target, name), async () => {
        await settleOrphans(target, name);
        const current = await read(target, name, ctx.signal);
        ctx.check?.(current);
        ctx.signal?.throwIfAborted();
        const category = ctx.category ?? (current?.category || undefined);
        if (
          current &&
          current.content === ctx.content &&
          (category === undefined || category === current.category)
        ) {
          return { style: current, auditId: null };
        }
        const id = await audit.begin({
          bucket: target.name,
          style: name,
          action: ctx.action,
          source: ctx.source ?? "console",
          actor: ctx.actor,
          before: current ? versionOf(current) : null,
          after: { content: ctx.content, category: category ?? null },
          forced: ctx.forced ?? false,
          comment: ctx.comment ?? null,
        });
        let result: { stored: UpstreamStyle; requestId: string | null };
        try {
          result = await putAndRead(target, name, ctx.content, category, current, ctx.signal);
        } catch (error) {
          await settleAfterError(id, target);
          throw error;
        }
        await audit.complete(id, {
          status: "committed",
          after: versionOf(result.stored),
          requestId: result.requestId,
        });
        return { style: result.stored, auditId: id };
      });
    },

    /**
     * Deletes a style. `check` sees the current version (say 404 there when it is missing).
     * @example
     * await writer.remove({ target, name: "thumb", action: "delete", actor, check: mustExist });
     */
    async remove(ctx: WriteContext): Promise<{ auditId: number | null }> {
      const { target, name } = ctx;
      return locks.run("style", lockKey(target, name), async () => {
        await settleOrphans(target, name);
        const current = await read(target, name, ctx.signal);
        ctx.check?.(current);
        if (!current) return { auditId: null };
        ctx.signal?.throwIfAborted();
        const id = await audit.begin({
          bucket: target.name,
          style: name,
          action: ctx.action,
          source: ctx.source ?? "console",
          actor: ctx.actor,
          before: versionOf(current),
          after: null,
          forced: ctx.forced ?? false,
          comment: ctx.comment ?? null,
        });
        let requestId: string | null;
        try {
          ({ requestId } = await target.styles.delete(name, ctx.signal));
        } catch (error) {
          await settleAfterError(id, target);
          throw error;
        }
        await audit.complete(id, { status: "committed", after: null, requestId });
        return { auditId: id };
      });
    },

    /**
     * Settles every pending row of the given buckets (at start; rows of buckets this replica does not
     * manage are left for one that does). Each under its style's lock, so a row another replica is still
     * writing is waited for and then found settled.
     * @example
     * await writer.reconcile(buckets); // { reconciled: 1, failed: 0, skipped: 0 }
     */
    async reconcile(buckets: readonly ManagedBucket[]) {
      const byName = new Map(buckets.map((b) => [b.name, b]));
      const counts = { reconciled: 0, failed: 0, skipped: 0 };
      for (const row of await audit.pending()) {
        const target = byName.get(row.bucket);
        if (!target) {
          counts.skipped += 1;
          continue;
        }
        const outcome = await locks.run("style", lockKey(target, row.style), () => settle(row.id, target));
        if (outcome === "reconciled") counts.reconciled += 1;
        if (outcome === "failed") counts.failed += 1;
      }
      return counts;
    },
  };
}

export type StyleWriter = ReturnType<typeof createStyleWriter>;
