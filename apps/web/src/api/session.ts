import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";
import { readError, send } from "./error.ts";
import { keys } from "./keys.ts";

/** The current session, or `null` when signed out. */
export const sessionQuery = queryOptions({
  queryKey: keys.session(),
  queryFn: async () => {
    const res = await send(() => api.session.$get());
    if (!res.ok) throw await readError(res);
    const session = await res.json();
    return session.signedIn ? session : null;
  },
  staleTime: Number.POSITIVE_INFINITY,
});

/** Signs in with `{ username, password }`, or the bootstrap admin `{ token }`. */
export async function signIn(credentials: { token: string } | { username: string; password: string }) {
  const res = await send(() => api.session.$post({ json: credentials }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

/** Whether single sign-on is offered, and its button's label (asked on the sign-in page only). */
export const ssoQuery = queryOptions({
  queryKey: [...keys.session(), "sso"] as const,
  queryFn: async () => {
    const res = await send(() => api.session.$get());
    if (!res.ok) throw await readError(res);
    const session = await res.json();
    return session.signedIn ? null : session.sso;
  },
  staleTime: Number.POSITIVE_INFINITY,
});

export async function signOut(): Promise<void> {
  const res = await send(() => api.session.$delete());
  if (!res.ok) {
    const error = await readError(res);
    // Already signed out (expired, or in another tab) is what we wanted anyway.
    if (error.status !== 401) throw error;
  }
}
