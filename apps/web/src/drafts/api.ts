import { queryOptions } from "@tanstack/react-query";
import type { InferRequestType, InferResponseType } from "hono/client";
import { api } from "../api/client.ts";
import { readError, send } from "../api/error.ts";

const draftsRoute = api.buckets[":bucket"].drafts;
const settingsRoute = api.buckets[":bucket"].settings;
export type Draft = InferResponseType<typeof draftsRoute.$get, 200>["drafts"][number];
export type NewDraft = InferRequestType<typeof draftsRoute.$post>["json"];
export type DraftEdit = InferRequestType<(typeof draftsRoute)[":id"]["$put"]>["json"];
export type BucketSettings = InferResponseType<typeof settingsRoute.$get, 200>;

/** Query keys of drafts and the bucket's review setting, under the bucket's. */
export const draftKeys = {
  all: (bucket: string) => ["buckets", bucket, "drafts"] as const,
  list: (bucket: string, author: string | null) => ["buckets", bucket, "drafts", { author }] as const,
  one: (bucket: string, id: number) => ["buckets", bucket, "drafts", id] as const,
  settings: (bucket: string) => ["buckets", bucket, "settings"] as const,
};

/** The bucket's drafts, newest first; `author` (a person's id) keeps only theirs. */
export function draftsQuery(bucket: string, author: string | null = null) {
  return queryOptions({
    queryKey: draftKeys.list(bucket, author),
    queryFn: async () => {
      const query = author === null ? {} : { author };
      const res = await send(() => draftsRoute.$get({ param: { bucket }, query }));
      if (!res.ok) throw await readError(res);
      return (await res.json()).drafts;
    },
    staleTime: 0,
  });
}

/** One draft (the editor opens it to revise it). */
export function draftQuery(bucket: string, id: number) {
  return queryOptions({
    queryKey: draftKeys.one(bucket, id),
    queryFn: async (): Promise<Draft> => {
      const res = await send(() => draftsRoute[":id"].$get({ param: { bucket, id: String(id) } }));
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    staleTime: 0,
  });
}

/** The bucket's policy: `requireReview` sends every change through a reviewed draft. */
export function bucketSettingsQuery(bucket: string) {
  return queryOptions({
    queryKey: draftKeys.settings(bucket),
    queryFn: async (): Promise<BucketSettings> => {
      const res = await send(() => settingsRoute.$get({ param: { bucket } }));
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    staleTime: 30_000,
  });
}

/** An admin turns "review required for every change" on or off for the bucket. */
export async function setRequireReview(bucket: string, requireReview: boolean): Promise<BucketSettings> {
  const res = await send(() => settingsRoute.$put({ param: { bucket }, json: { requireReview } }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

/** Saves a new draft on the server (201): of a new style (`baseLastModifyTime: null`) or an existing one. */
export async function createDraft(bucket: string, draft: NewDraft): Promise<Draft> {
  const res = await send(() => draftsRoute.$post({ param: { bucket }, json: draft }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

/** Its author edits a draft that is not published yet (a sent-back one returns to `draft`). */
export async function updateDraft(bucket: string, id: number, edit: DraftEdit): Promise<Draft> {
  const res = await send(() => draftsRoute[":id"].$put({ param: { bucket, id: String(id) }, json: edit }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

/** "Request review": the draft goes to the operators. */
export async function requestReview(bucket: string, id: number): Promise<Draft> {
  const res = await send(() => draftsRoute[":id"].review.$post({ param: { bucket, id: String(id) } }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

/** Publish (PutStyle guarded against the draft's base version) or send back with a comment; the answer's body. */
export async function decide(bucket: string, id: number, decision: "publish" | "reject", comment: string) {
  const param = { bucket, id: String(id) };
  const res: Response =
    decision === "publish"
      ? await send(() =>
          // The route reads an optional body by hand (an empty one is allowed), so its typed client knows
          // only `param`; hc sends `json` all the same.
          draftsRoute[":id"].publish.$post({
            param,
            ...(comment.trim() ? { json: { comment: comment.trim() } } : {}),
          } as { param: typeof param }),
        )
      : await send(() => draftsRoute[":id"].reject.$post({ param, json: { comment } }));
  if (!res.ok) throw await readError(res);
  // Read to the end: an unread body keeps the request open in the browser.
  return (await res.json()) as unknown;
}
