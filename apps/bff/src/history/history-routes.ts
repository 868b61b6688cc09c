import {
  bucketParam,
  draftEventsQuery,
  settingsEventsQuery,
  styleParam,
} from "@style-console/contract/schemas";
import { type Context, Hono } from "hono";
import { me } from "../auth/me.ts";
import type { ApiEnv } from "../http/api-env.ts";
import { HttpError } from "../http/error.ts";
import { validate } from "../http/zod-validator.ts";
import type { DraftService } from "./drafts.ts";
import type { HistoryService } from "./history-service.ts";
import {
  createDraftBody,
  draftParam,
  draftsQuery,
  publishBody,
  rejectBody,
  restoreBody,
  reviewBody,
  settingsBody,
  updateDraftBody,
  versionParam,
} from "./schemas.ts";
import type { BucketSettingsStore } from "./settings.ts";

// The one place this feature reads who is acting.
const actorOf = me;

/** Optional JSON bodies: an empty body is `{}`. */
async function optionalJson(c: Context<ApiEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError("MalformedJson", "The request body is not valid JSON.");
  }
}

function parsed<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
  },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpError("InvalidRequest", "The request is not valid.", {
    details: { issues: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
}

/**
 * History (versions, restore, recently deleted), drafts and review, and the bucket's review setting,
 * all under `/api/buckets/:bucket/…`.
 */
export function historyRoutes(history: HistoryService, drafts: DraftService, settings: BucketSettingsStore) {
  return new Hono<ApiEnv>()
    .get("/:bucket/styles/:name/versions", validate("param", styleParam), async (c) => {
      const { bucket, name } = c.req.valid("param");
      return c.json({ versions: await history.versions(bucket, name) }, 200);
    })
    .post(
      "/:bucket/styles/:name/versions/:id/restore",
      validate("param", versionParam),
      validate("json", restoreBody),
      async (c) => {
        const { bucket, name, id } = c.req.valid("param");
        return c.json(await history.restore(actorOf(c), bucket, name, id, c.req.valid("json")), 200);
      },
    )
    .get("/:bucket/deleted", validate("param", bucketParam), async (c) => {
      const { bucket } = c.req.valid("param");
      return c.json({ styles: await history.deleted(bucket) }, 200);
    })
    .get("/:bucket/settings", validate("param", bucketParam), async (c) => {
      return c.json(await settings.get(history.bucketName(c.req.valid("param").bucket)), 200);
    })
    .get(
      "/:bucket/settings/events",
      validate("param", bucketParam),
      validate("query", settingsEventsQuery),
      async (c) => {
        const bucket = history.bucketName(c.req.valid("param").bucket);
        return c.json({ events: await settings.events(bucket, c.req.valid("query").limit) }, 200);
      },
    )
    .put("/:bucket/settings", validate("param", bucketParam), validate("json", settingsBody), async (c) => {
      const actor = actorOf(c);
      if (actor.role !== "admin")
        throw new HttpError("Forbidden", "Only an admin may change a bucket's settings.");
      const bucket = history.bucketName(c.req.valid("param").bucket);
      return c.json(await settings.set(bucket, c.req.valid("json").requireReview, actor), 200);
    })
    .post("/:bucket/drafts", validate("param", bucketParam), validate("json", createDraftBody), async (c) => {
      const { bucket } = c.req.valid("param");
      return c.json(await drafts.create(actorOf(c), bucket, c.req.valid("json")), 201);
    })
    .get("/:bucket/drafts", validate("param", bucketParam), validate("query", draftsQuery), async (c) => {
      const { bucket } = c.req.valid("param");
      return c.json({ drafts: await drafts.list(bucket, c.req.valid("query")) }, 200);
    })
    .get("/:bucket/drafts/:id", validate("param", draftParam), async (c) => {
      const { bucket, id } = c.req.valid("param");
      return c.json(await drafts.get(bucket, id), 200);
    })
    .get(
      "/:bucket/drafts/:id/events",
      validate("param", draftParam),
      validate("query", draftEventsQuery),
      async (c) => {
        const { bucket, id } = c.req.valid("param");
        return c.json({ events: await drafts.events(bucket, id, c.req.valid("query").limit) }, 200);
      },
    )
    .put(
      "/:bucket/drafts/:id",
      validate("param", draftParam),
      validate("json", updateDraftBody),
      async (c) => {
        const { bucket, id } = c.req.valid("param");
        return c.json(await drafts.update(actorOf(c), bucket, id, c.req.valid("json")), 200);
      },
    )
    .delete("/:bucket/drafts/:id", validate("param", draftParam), async (c) => {
      const { bucket, id } = c.req.valid("param");
      await drafts.remove(actorOf(c), bucket, id);
      return c.body(null, 204);
    })
    .post("/:bucket/drafts/:id/review", validate("param", draftParam), async (c) => {
      const { bucket, id } = c.req.valid("param");
      const body = parsed(reviewBody, await optionalJson(c));
      return c.json(await drafts.requestReview(actorOf(c), bucket, id, body?.note), 200);
    })
    .post("/:bucket/drafts/:id/publish", validate("param", draftParam), async (c) => {
      const { bucket, id } = c.req.valid("param");
      const body = parsed(publishBody, await optionalJson(c));
      return c.json(await drafts.publish(actorOf(c), bucket, id, { comment: body?.comment }), 200);
    })
    .post(
      "/:bucket/drafts/:id/reject",
      validate("param", draftParam),
      validate("json", rejectBody),
      async (c) => {
        const { bucket, id } = c.req.valid("param");
        return c.json(await drafts.reject(actorOf(c), bucket, id, c.req.valid("json").comment), 200);
      },
    );
}
