import { pathSegment } from "@style-console/contract/names";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { InferRequestType, InferResponseType } from "hono/client";
import { api } from "./client.ts";
import { type ApiError, readError, send } from "./error.ts";
import { keys } from "./keys.ts";

const stylesRoute = api.buckets[":bucket"].styles;
const styleRoute = api.buckets[":bucket"].styles[":name"];

// A name travels as a path segment that survives URL parsing ("." and ".." are valid style names).
const styleParam = (bucket: string, name: string) => ({
  bucket: pathSegment(bucket),
  name: pathSegment(name),
});

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
      const res = await send(() => stylesRoute.$get({ param: { bucket: pathSegment(bucket) } }));
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
      const res = await send(() => styleRoute.$get({ param: styleParam(bucket, name) }));
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    staleTime: 0,
  });
}

export async function createStyle(bucket: string, style: NewStyle): Promise<Style> {
  const res = await send(() => stylesRoute.$post({ param: { bucket: pathSegment(bucket) }, json: style }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

export async function updateStyle(bucket: string, name: string, update: StyleUpdate): Promise<Style> {
  const res = await send(() => styleRoute.$put({ param: styleParam(bucket, name), json: update }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

export async function deleteStyle(bucket: string, name: string): Promise<void> {
  // No `expectedLastModifyTime`: whatever version is there (the list's deletes send one, styles/delete/api.ts).
  const res = await send(() => styleRoute.$delete({ param: styleParam(bucket, name), query: {} }));
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

/**
 * What a failed save means for the editor, by the error's code (never by its status: a 409 is also
 * `StyleLimitReached`, which says nothing about the name): the name is taken, someone changed or deleted
 * the style meanwhile, or anything else, which the form shows as it is.
 */
export function saveFailure(error: ApiError): "nameTaken" | "changed" | "gone" | "other" {
  switch (error.body?.code) {
    case "StyleExists":
      return "nameTaken";
    case "StyleChanged":
      return "changed";
    case "NoSuchStyle":
      return "gone";
    default:
      return "other";
  }
}

/** The server's current version, which a 409 `StyleChanged` or `StyleExists` carries in `details.current`. */
export function conflictingStyle(error: ApiError): Style | null {
  const body = error.body;
  return body?.code === "StyleChanged" || body?.code === "StyleExists"
    ? (body.details?.current ?? null)
    : null;
}
