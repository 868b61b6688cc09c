import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

/** The BFF's health and version, shown in the footer. */
export const healthQuery = queryOptions({
  queryKey: ["health"],
  queryFn: async () => {
    const res = await api.health.$get();
    if (!res.ok) throw new Error(`The console's server answered ${res.status}`);
    return res.json();
  },
  staleTime: 60_000,
});
