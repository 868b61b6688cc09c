import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { InferRequestType, InferResponseType } from "hono/client";
import { api } from "./client.ts";
import { readError, send } from "./error.ts";

/** People, tokens and sessions: `/api/users`, `/api/tokens`, `/api/sessions`, `/api/profile`. */

export type User = InferResponseType<typeof api.users.$get, 200>["users"][number];
export type NewUser = InferRequestType<typeof api.users.$post>["json"];
export type UserChange = InferRequestType<(typeof api.users)[":id"]["$patch"]>["json"];
export type Created = InferResponseType<typeof api.users.$post, 201>;
export type ApiToken = InferResponseType<typeof api.tokens.$get, 200>["tokens"][number];
export type NewToken = InferRequestType<typeof api.tokens.$post>["json"];
export type CreatedToken = InferResponseType<typeof api.tokens.$post, 201>;
export type SessionRow = InferResponseType<typeof api.sessions.$get, 200>["sessions"][number];
export type AccountEvent = InferResponseType<typeof api.users.events.$get, 200>["events"][number];

export const peopleKeys = {
  users: () => ["users"] as const,
  events: () => ["users", "events"] as const,
  tokens: (owner: string) => ["tokens", owner] as const,
  sessions: (owner: string) => ["sessions", owner] as const,
};

async function ok<R extends Response>(request: () => Promise<R>): Promise<R> {
  const res = await send(request);
  if (!res.ok) throw await readError(res);
  return res;
}

export const usersQuery = queryOptions({
  queryKey: peopleKeys.users(),
  queryFn: async () => (await (await ok(() => api.users.$get())).json()).users,
});

export const accountEventsQuery = queryOptions({
  queryKey: peopleKeys.events(),
  queryFn: async () => (await (await ok(() => api.users.events.$get({ query: {} }))).json()).events,
});

/** Tokens of `owner` (`me` for the caller's own). */
export function tokensQuery(owner: string) {
  return queryOptions({
    queryKey: peopleKeys.tokens(owner),
    queryFn: async () =>
      (await (await ok(() => api.tokens.$get({ query: owner === "me" ? {} : { userId: owner } }))).json())
        .tokens,
  });
}

/** Sessions of `owner` (`me` for the caller's own). */
export function sessionsQuery(owner: string) {
  return queryOptions({
    queryKey: peopleKeys.sessions(owner),
    queryFn: async () =>
      (await (await ok(() => api.sessions.$get({ query: owner === "me" ? {} : { userId: owner } }))).json())
        .sessions,
  });
}

export async function createUser(user: NewUser): Promise<Created> {
  const res = await ok(() => api.users.$post({ json: user }));
  return (await res.json()) as Created;
}

export async function changeUser(id: string, change: UserChange) {
  return (await (await ok(() => api.users[":id"].$patch({ param: { id }, json: change }))).json()).user;
}

export async function resetLink(id: string) {
  return (await (await ok(() => api.users[":id"].reset.$post({ param: { id } }))).json()).reset;
}

export async function createToken(token: NewToken): Promise<CreatedToken> {
  return (await (await ok(() => api.tokens.$post({ json: token }))).json()) as CreatedToken;
}

export async function revokeToken(id: string): Promise<void> {
  await ok(() => api.tokens[":id"].$delete({ param: { id } }));
}

export async function endSession(id: string): Promise<void> {
  await ok(() => api.sessions[":id"].$delete({ param: { id } }));
}

export async function changePassword(body: { currentPassword?: string; newPassword: string }): Promise<void> {
  await ok(() => api.profile.password.$put({ json: body }));
}

/** What an invite or reset link is for (its secret goes in the body, never in a URL). */
export async function describeInvite(token: string) {
  return (await ok(() => api.invites.check.$post({ json: { token } }))).json();
}

export async function acceptInvite(token: string, password: string) {
  return (await ok(() => api.invites.accept.$post({ json: { token, password } }))).json();
}

/** After a change to people: the list and its audit. */
export const invalidatePeople = (client: QueryClient) =>
  client.invalidateQueries({ queryKey: peopleKeys.users() });
