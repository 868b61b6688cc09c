import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api } from "../api/client.ts";
import { readError, send } from "../api/error.ts";
import type { Style } from "../api/styles.ts";

const versionsRoute = api.buckets[":bucket"].styles[":name"].versions;
const deletedRoute = api.buckets[":bucket"].deleted;

export type Version = InferResponseType<typeof versionsRoute.$get, 200>["versions"][number];
export type DeletedStyle = InferResponseType<typeof deletedRoute.$get, 200>["styles"][number];

/** Query keys of this feature, under the bucket's (so a bucket switch never mixes them up). */
export const historyKeys = {
  versions: (bucket: string, name: string) => ["buckets", bucket, "styles", name, "versions"] as const,
  deleted: (bucket: string) => ["buckets", bucket, "deleted"] as const,
};

/** Every version of a style, newest first (answers for a deleted style too). */
export function versionsQuery(bucket: string, name: string) {
  return queryOptions({
    queryKey: historyKeys.versions(bucket, name),
    queryFn: async () => {
      const res = await send(() => versionsRoute.$get({ param: { bucket, name } }));
      if (!res.ok) throw await readError(res);
      return (await res.json()).versions;
    },
    staleTime: 0,
  });
}

/** The bucket's recently deleted styles, newest first. */
export function deletedQuery(bucket: string) {
  return queryOptions({
    queryKey: historyKeys.deleted(bucket),
    queryFn: async () => {
      const res = await send(() => deletedRoute.$get({ param: { bucket } }));
      if (!res.ok) throw await readError(res);
      return (await res.json()).styles;
    },
    staleTime: 0,
  });
}

/**
 * Puts a version back: `expectedLastModifyTime` is the lastModifyTime the screen shows while the style
 * exists (a 409 when someone changed it meanwhile), and nothing for a deleted style.
 */
export async function restoreVersion(
  bucket: string,
  name: string,
  id: number,
  body: { expectedLastModifyTime?: string; comment?: string },
): Promise<Style> {
  const res = await send(() =>
    versionsRoute[":id"].restore.$post({ param: { bucket, name, id: String(id) }, json: body }),
  );
  if (!res.ok) throw await readError(res);
  return res.json();
}
