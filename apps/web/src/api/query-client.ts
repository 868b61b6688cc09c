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
        // Only what may pass by itself is retried: the network, OSS busy (503) or slow (504). A refusal
        // (4xx, or 502 for OSS denying) will not improve and the operator should see it at once.
        retry: (count, error) => count < 1 && [0, 503, 504].includes(error.status),
      },
    },
  });
  return client;
}
