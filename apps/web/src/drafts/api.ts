import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api } from "../api/client.ts";
import { readError, send } from "../api/error.ts";

const draftsRoute = api.buckets[":bucket"].drafts;
export type Draft = InferResponseType<typeof draftsRoute.$get, 200>["drafts"][number];

export const draftKeys = { list: (bucket: string) => ["buckets", bucket, "drafts"] as const };

/** The bucket's drafts, newest first. */
export function draftsQuery(bucket: string) {
  return queryOptions({
    queryKey: draftKeys.list(bucket),
    queryFn: async () => {
      const res = await send(() => draftsRoute.$get({ param: { bucket }, query: {} }));
      if (!res.ok) throw await readError(res);
      return (await res.json()).drafts;
    },
    staleTime: 0,
  });
}

/** Publish (PutStyle guarded against the draft's base version) or send back with a comment. */
export async function decide(bucket: string, id: number, decision: "publish" | "reject", comment: string) {
  const param = { bucket, id: String(id) };
  const res: Response =
    decision === "publish"
      ? await send(() => draftsRoute[":id"].publish.$post({ param }))
      : await send(() => draftsRoute[":id"].reject.$post({ param, json: { comment } }));
  if (!res.ok) throw await readError(res);
}
