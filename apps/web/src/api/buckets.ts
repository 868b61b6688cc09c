import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api } from "./client.ts";
import { readError, send } from "./error.ts";
import { keys } from "./keys.ts";

export type Bucket = InferResponseType<typeof api.buckets.$get, 200>[number];

/** The configured buckets with their style counts and limits. */
export const bucketsQuery = queryOptions({
  queryKey: keys.buckets(),
  queryFn: async () => {
    const res = await send(() => api.buckets.$get());
    if (!res.ok) throw await readError(res);
    return res.json();
  },
  staleTime: 60_000,
});
