import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api } from "../../api/client.ts";
import { readError, send } from "../../api/error.ts";
import { draftKeys } from "../api.ts";

const eventsRoute = api.buckets[":bucket"].settings.events;
/** One switch of the bucket's "require review" (the contract's `SettingsEventDto`). */
export type ReviewSwitch = InferResponseType<typeof eventsRoute.$get, 200>["events"][number];

/** How many switches the screen shows: the last one, and a short list of earlier ones. */
export const REVIEW_HISTORY_LIMIT = 20;

/** The key of the switch's history, under the bucket's settings: a new switch invalidates it. */
export const reviewHistoryKey = (bucket: string) => [...draftKeys.settings(bucket), "events"] as const;

/**
 * Who switched the bucket's "require review", newest first. The data is an object, not an array, as
 * the draft activity's is, so nothing that filters cached lists mistakes it for one.
 * @example
 * useQuery(reviewHistoryQuery("photos")).data?.events[0]; // { action: "review.enable", actor: { name: "Olga" }, … }
 */
export function reviewHistoryQuery(bucket: string) {
  return queryOptions({
    queryKey: reviewHistoryKey(bucket),
    queryFn: async (): Promise<{ events: ReviewSwitch[] }> => {
      const res = await send(() =>
        eventsRoute.$get({ param: { bucket }, query: { limit: String(REVIEW_HISTORY_LIMIT) } }),
      );
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    staleTime: 30_000,
  });
}
