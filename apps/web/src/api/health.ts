import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";
import { readError, send } from "./error.ts";
import { keys } from "./keys.ts";

/** The BFF's health and version, shown in the footer. */
export const healthQuery = queryOptions({
  queryKey: keys.health(),
  queryFn: async () => {
    const res = await send(() => api.health.$get());
    if (!res.ok) throw await readError(res);
    return res.json();
  },
  staleTime: 60_000,
});
