import type { DraftEventDto, StyleDto } from "@style-console/contract/dto";
import type { Kysely, Selectable, Updateable } from "kysely";
import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import { bucketLookup } from "../buckets/managed-buckets.ts";
import type { Database } from "../db/schema.ts";
import { HttpError } from "../http/error.ts";
import { assertStyleContent, assertStyleName } from "../styles/assert-style.ts";
import { toStyleDto } from "../styles/style-service.ts";
import type { StyleWriter } from "../styles/writer.ts";
import type { Principal } from "../users/principal.ts";
import { roleAtLeast } from "../users/roles.ts";
import { type DraftAction, draftActivity, recordDraftEvent } from "./draft-events.ts";
import type { DraftDto } from "./dto.ts";
import type { BucketSettingsStore } from "./settings.ts";
import type { DraftStatus, StyleDraftTable } from "./tables.ts";

type DraftRow = Selectable<StyleDraftTable>;

/** Whether a principal may publish or send back drafts: an operator or higher (issue 10's roles). */
export const mayReview = (principal: Pick<Principal, "role">) => roleAtLeast(principal.role, "operator");

const toDraftDto = (row: DraftRow): DraftDto => ({
  id: row.id,
  bucket: row.bucket,
  name: row.style,
  content: row.content,
  category: row.category,
  status: row.status,
  baseContent: row.base_content,
  baseLastModifyTime: row.base_last_modify_time?.toISOString() ?? null,
  author: { id: row.author_id, username: row.author_name },
  note: row.note,
  reviewer:
    row.reviewer_id === null ? null : { id: row.reviewer_id, username: row.reviewer_name ?? row.reviewer_id },
  reviewComment: row.review_comment,
  publishedVersionId: row.published_version_id,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export interface DraftServiceOptions {
  db: Kysely<Database>;
  buckets: readonly ManagedBucket[];
  writer: StyleWriter;
  settings: BucketSettingsStore;
}

export interface NewDraft {
  name: string;
  content: string;
  category?: string | undefined;
  /**
   * The LastModifyTime of the version the draft starts from, as the editor loaded it; omitted: what OSS
   * holds now (nothing, for a new style).
   */
  baseLastModifyTime?: string | null | undefined;
  note?: string | undefined;
}

/**
 * Drafts and review: a proposed version saved on the server, sent for review, then published by an
 * operator (a PutStyle guarded by the 409 rule against the version the draft started from) or sent back
 * with a comment. In a bucket that requires review, only a reviewed draft is published, and never by
 * its own author.
 */
export function createDraftService(options: DraftServiceOptions) {
  const { db, writer, settings } = options;
  const bucket = bucketLookup(options.buckets);

  async function row(target: ManagedBucket, id: number): Promise<DraftRow> {
    const found = await db
      .selectFrom("style_drafts")
      .selectAll()
      .where("id", "=", id)
      .where("bucket", "=", target.name)
      .executeTakeFirst();
    if (!found) throw new HttpError("NoSuchDraft", `Bucket "${target.name}" has no draft ${id}.`);
    return found;
  }

  /** The draft, locked until `trx` ends: a concurrent action on it waits, then sees this one's result. */
  async function locked(trx: Kysely<Database>, target: ManagedBucket, id: number): Promise<DraftRow> {
    const found = await trx
      .selectFrom("style_drafts")
      .selectAll()
      .where("id", "=", id)
      .where("bucket", "=", target.name)
      .forUpdate()
      .executeTakeFirst();
    if (!found) throw new HttpError("NoSuchDraft", `Bucket "${target.name}" has no draft ${id}.`);
    return found;
  }

  async function transition(
    trx: Kysely<Database>,
    id: number,
    from: readonly DraftStatus[],
    values: Updateable<StyleDraftTable>,
  ): Promise<DraftRow> {
    const updated = await trx
      .updateTable("style_drafts")
      .set({ ...values, updated_at: new Date() })
      .where("id", "=", id)
      .where("status", "in", [...from])
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new HttpError("DraftChanged", `Draft ${id} changed meanwhile; reload it.`);
    return updated;
  }

  /**
   * One audited action on a draft, in one transaction: the row locked, `decide` checks it (a throw
   * refuses the action and records nothing) and says what to set, the update (only from a status in
   * `from`, 409 `DraftChanged` otherwise), and its `draft_events` row with the draft before and after.
   */
  async function act(
    actor: Principal,
    target: ManagedBucket,
    id: number,
    action: DraftAction,
    from: readonly DraftStatus[],
    decide: (draft: DraftRow) => Updateable<StyleDraftTable>,
  ): Promise<DraftDto> {
    return db.transaction().execute(async (trx) => {
      const draft = await locked(trx, target, id);
      const after = toDraftDto(await transition(trx, id, from, decide(draft)));
      await recordDraftEvent(trx, actor, action, { before: toDraftDto(draft), after });
      return after;
    });
  }

  function assertReviewer(actor: Principal, draft: DraftRow, requireReview: boolean, what: string) {
    if (!mayReview(actor)) {
      throw new HttpError("Forbidden", `Only an operator may ${what} a draft.`);
    }
    if (requireReview && draft.author_id === actor.id) {
      throw new HttpError(
        "OwnDraft",
        `Bucket "${draft.bucket}" requires review: someone other than the draft's author must ${what} it.`,
      );
    }
  }

  return {
    async create(actor: Principal, bucketName: string, input: NewDraft): Promise<DraftDto> {
      const target = bucket(bucketName);
      assertStyleName(input.name);
      assertStyleContent(input.content);
      let baseContent: string | null = null;
      let baseTime: Date | null = null;
      const current = await target.styles.get(input.name);
      if (input.baseLastModifyTime === undefined) {
        baseContent = current?.content ?? null;
        baseTime = current?.lastModifyTime ?? null;
      } else if (input.baseLastModifyTime !== null) {
        baseTime = new Date(input.baseLastModifyTime);
        baseContent =
          current && current.lastModifyTime.getTime() === baseTime.getTime() ? current.content : null;
      }
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto("style_drafts")
          .values({
            bucket: target.name,
            style: input.name,
            content: input.content,
            category: input.category ?? null,
            base_content: baseContent,
            base_last_modify_time: baseTime,
            status: "draft",
            author_id: actor.id,
            author_name: actor.username,
            note: input.note ?? null,
            review_comment: null,
            reviewer_id: null,
            reviewer_name: null,
            published_version_id: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const draft = toDraftDto(inserted);
        await recordDraftEvent(trx, actor, "draft.create", { before: null, after: draft });
        return draft;
      });
    },

    async list(
      bucketName: string,
      filter: { author?: string | undefined; status?: DraftStatus | undefined },
    ) {
      const target = bucket(bucketName);
      let query = db.selectFrom("style_drafts").selectAll().where("bucket", "=", target.name);
      if (filter.author !== undefined) query = query.where("author_id", "=", filter.author);
      if (filter.status !== undefined) query = query.where("status", "=", filter.status);
      const rows = await query.orderBy("id", "desc").limit(500).execute();
      return rows.map(toDraftDto);
    },

    async get(bucketName: string, id: number): Promise<DraftDto> {
      return toDraftDto(await row(bucket(bucketName), id));
    },

    /** The author edits a draft not yet published (a sent-back draft returns to `draft`). */
    async update(
      actor: Principal,
      bucketName: string,
      id: number,
      input: { content: string; category?: string | undefined; note?: string | undefined },
    ): Promise<DraftDto> {
      const target = bucket(bucketName);
      return act(actor, target, id, "draft.update", ["draft", "in_review", "rejected"], (draft) => {
        if (draft.author_id !== actor.id)
          throw new HttpError("Forbidden", "Only its author may edit a draft.");
        assertStyleContent(input.content);
        return {
          content: input.content,
          category: input.category ?? draft.category,
          note: input.note ?? draft.note,
          status: "draft",
        };
      });
    },

    /** "Request review": sends the draft to operators. */
    async requestReview(actor: Principal, bucketName: string, id: number, note?: string): Promise<DraftDto> {
      const target = bucket(bucketName);
      return act(actor, target, id, "draft.request-review", ["draft", "rejected"], (draft) => {
        if (draft.author_id !== actor.id && !mayReview(actor)) {
          throw new HttpError("Forbidden", "Only its author may request review of a draft.");
        }
        return { status: "in_review", note: note ?? draft.note };
      });
    },

    /**
     * Publishes a draft: PutStyle, only while OSS still holds the version the draft started from (409
     * `StyleChanged` with `details.current` and `details.draft` otherwise: the 409 view).
     */
    async publish(
      actor: Principal,
      bucketName: string,
      id: number,
      input: { comment?: string | undefined },
    ): Promise<{ draft: DraftDto; style: StyleDto }> {
      const target = bucket(bucketName);
      const draft = await row(target, id);
      const { requireReview } = await settings.get(target.name);
      assertReviewer(actor, draft, requireReview, "publish");
      if (draft.status === "published")
        throw new HttpError("DraftPublished", `Draft ${id} is already published.`);
      if (requireReview && draft.status !== "in_review") {
        throw new HttpError("ReviewNotRequested", `Draft ${id} was not sent for review yet.`);
      }
      const base = draft.base_last_modify_time;
      const { style, auditId } = await writer.put({
        target,
        name: draft.style,
        content: draft.content,
        category: draft.category ?? undefined,
        action: base === null ? "create" : "update",
        actor,
        comment: input.comment ?? draft.note ?? `published draft ${id} by ${draft.author_name}`,
        check: (current) => {
          const same =
            base === null ? current === undefined : current?.lastModifyTime.getTime() === base.getTime();
          if (same) return;
          throw new HttpError("StyleChanged", `Style "${draft.style}" changed since the draft was started.`, {
            details: { current: current ? toStyleDto(current) : null, draft: toDraftDto(draft) },
          });
        },
      });
      // The style write is audited (`audit_events`) by the writer; the draft side is recorded here.
      const published = await act(
        actor,
        target,
        id,
        "draft.publish",
        ["draft", "in_review", "rejected"],
        () => ({
          status: "published",
          reviewer_id: actor.id,
          reviewer_name: actor.username,
          review_comment: input.comment ?? null,
          published_version_id: auditId,
        }),
      );
      return { draft: published, style: toStyleDto(style) };
    },

    /** Sends a draft back to its author with a comment. */
    async reject(actor: Principal, bucketName: string, id: number, comment: string): Promise<DraftDto> {
      const target = bucket(bucketName);
      // Read before the transaction: settings are read through the pool, not the draft's transaction.
      const { requireReview } = await settings.get(target.name);
      return act(actor, target, id, "draft.send-back", ["draft", "in_review"], (draft) => {
        assertReviewer(actor, draft, requireReview, "send back");
        return {
          status: "rejected",
          reviewer_id: actor.id,
          reviewer_name: actor.username,
          review_comment: comment,
        };
      });
    },

    /**
     * The author (or a reviewer) drops a draft that was not published, audited as `draft.delete` with
     * the draft as it was. A published draft is refused (409 `DraftPublished`): it is a version now.
     */
    async remove(actor: Principal, bucketName: string, id: number): Promise<void> {
      const target = bucket(bucketName);
      await db.transaction().execute(async (trx) => {
        // Locked until the record is written: a concurrent publish or edit waits, and is then refused.
        const draft = await locked(trx, target, id);
        if (draft.author_id !== actor.id && !mayReview(actor)) {
          throw new HttpError("Forbidden", "Only its author or an operator may delete a draft.");
        }
        if (draft.status === "published") {
          throw new HttpError(
            "DraftPublished",
            `Draft ${id} is published: it is a version of the style now.`,
          );
        }
        await trx.deleteFrom("style_drafts").where("id", "=", id).execute();
        await recordDraftEvent(trx, actor, "draft.delete", { before: toDraftDto(draft), after: null });
      });
    },

    /**
     * A draft's activity, newest first, `limit` entries at most. A deleted draft keeps its activity;
     * a draft that never existed is 404 `NoSuchDraft`.
     */
    async events(bucketName: string, id: number, limit: number): Promise<DraftEventDto[]> {
      const target = bucket(bucketName);
      const events = await draftActivity(db, target.name, id, limit);
      if (events.length === 0) await row(target, id);
      return events;
    },
  };
}

export type DraftService = ReturnType<typeof createDraftService>;
