import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api } from "../../api/client.ts";
import { readError, send } from "../../api/error.ts";
import { draftKeys } from "../api.ts";

const eventsRoute = api.buckets[":bucket"].drafts[":id"].events;
/** One entry of a draft's activity (the contract's `DraftEventDto`). */
export type DraftEvent = InferResponseType<typeof eventsRoute.$get, 200>["events"][number];

/** How many entries the card shows: a draft's life is short; the audit table keeps everything. */
export const ACTIVITY_LIMIT = 50;

/**
 * A draft's activity, newest first. Keyed under the draft, so whatever refreshes the bucket's drafts
 * (a publish, a send-back) refreshes it too. The data is an object, not an array: code that filters the
 * cached draft lists by `id` (a delete) must not mistake events for drafts.
 * @example
 * useQuery({ ...draftEventsQuery("photos", 7), enabled: open });
 */
export function draftEventsQuery(bucket: string, id: number) {
  return queryOptions({
    queryKey: [...draftKeys.one(bucket, id), "events"] as const,
    queryFn: async (): Promise<{ events: DraftEvent[] }> => {
      const res = await send(() =>
        eventsRoute.$get({ param: { bucket, id: String(id) }, query: { limit: String(ACTIVITY_LIMIT) } }),
      );
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    staleTime: 0,
  });
}
