import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { InferRequestType, InferResponseType } from "hono/client";
import { api } from "./client.ts";
import { readError, send } from "./error.ts";
import { keys } from "./keys.ts";

const stylesRoute = api.buckets[":bucket"].styles;
const styleRoute = api.buckets[":bucket"].styles[":name"];

export type Style = InferResponseType<typeof stylesRoute.$get, 200>["styles"][number];
export type NewStyle = InferRequestType<typeof stylesRoute.$post>["json"];
export type StyleUpdate = InferRequestType<typeof styleRoute.$put>["json"];
export type Category = NonNullable<NewStyle["category"]>;

/** OSS may report no category (""); the form and the diff treat that as the default, `image`. */
export function asCategory(value: string | undefined): Category {
  return value === "document" || value === "video" ? value : "image";
}

/** Every style of a bucket. */
export function stylesQuery(bucket: string) {
  return queryOptions({
    queryKey: keys.styles(bucket),
    queryFn: async () => {
      const res = await send(() => stylesRoute.$get({ param: { bucket } }));
      if (!res.ok) throw await readError(res);
      return (await res.json()).styles;
    },
    staleTime: 10_000,
  });
}

/** One style, fetched fresh when an editor opens it: its `lastModifyTime` guards the save. */
export function styleQuery(bucket: string, name: string) {
  return queryOptions({
    queryKey: keys.style(bucket, name),
    queryFn: async () => {
      const res = await send(() => styleRoute.$get({ param: { bucket, name } }));
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    staleTime: 0,
  });
}

export async function createStyle(bucket: string, style: NewStyle): Promise<Style> {
  const res = await send(() => stylesRoute.$post({ param: { bucket }, json: style }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

export async function updateStyle(bucket: string, name: string, update: StyleUpdate): Promise<Style> {
  const res = await send(() => styleRoute.$put({ param: { bucket, name }, json: update }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

export async function deleteStyle(bucket: string, name: string): Promise<void> {
  const res = await send(() => styleRoute.$delete({ param: { bucket, name } }));
  if (!res.ok) throw await readError(res);
}

/**
 * What a style mutation changes: the bucket's list and the bucket counts (`styleCount`), exactly.
 * Other buckets' lists and other styles stay cached.
 */
export async function invalidateStyleLists(client: QueryClient, bucket: string) {
  await Promise.all([
    client.invalidateQueries({ queryKey: keys.styles(bucket), exact: true }),
    client.invalidateQueries({ queryKey: keys.buckets(), exact: true }),
  ]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function isStyle(v: unknown): v is Style {
  return (
    isRecord(v) &&
    typeof v.name === "string" &&
    typeof v.content === "string" &&
    typeof v.lastModifyTime === "string"
  );
}

/** The server's current version carried by a 409 (`details.current`, `details.style` or `details`). */
export function conflictingStyle(details: unknown): Style | null {
  if (!isRecord(details)) return null;
  for (const candidate of [details.current, details.style, details]) if (isStyle(candidate)) return candidate;
  return null;
}
