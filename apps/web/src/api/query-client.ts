import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import type { ApiError } from "./error.ts";
import { keys } from "./keys.ts";

/**
 * One client for the app. A 401 from any request means the session ended (expired, signed out in
 * another tab): the session query is set to `null`, which shows the sign-in screen, instead of every
 * screen handling it.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: ApiError) => {
    if (error.status === 401) client.setQueryData(keys.session(), null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // Client errors will not improve on a retry; a flaky network or a 5xx may.
        retry: (count, error) => count < 1 && (error.status === 0 || error.status >= 500),
      },
    },
  });
  return client;
}
