import { pathSegment } from "@style-console/contract/names";
import type { InferRequestType } from "hono/client";
import { api } from "../../api/client.ts";
import { readError, send } from "../../api/error.ts";
import type { Style } from "../../api/styles.ts";

const renameRoute = api.buckets[":bucket"].styles[":name"].rename;

export type RenameRequest = InferRequestType<typeof renameRoute.$post>["json"];

/**
 * Renames a style (a copy and a delete on the server, audited as `rename`). `expectedLastModifyTime` is
 * the version the list showed: 409 `StyleChanged` when someone saved another meanwhile.
 */
export async function renameStyle(bucket: string, name: string, body: RenameRequest): Promise<Style> {
  const res = await send(() =>
    renameRoute.$post({ param: { bucket: pathSegment(bucket), name: pathSegment(name) }, json: body }),
  );
  if (!res.ok) throw await readError(res);
  return res.json();
}

/**
 * The URL of a style's thumbnail: its content on the console's sample image, rendered and cached by the
 * BFF (`GET /api/buckets/:bucket/thumbnails`). The content is part of the URL, so an edited style gets
 * a new thumbnail and an unchanged one comes from the browser's cache.
 * @example
 * thumbnailUrl("photos", "image/resize,w_200"); // "/api/buckets/photos/thumbnails?content=image%2Fresize%2Cw_200"
 */
export function thumbnailUrl(bucket: string, content: string): string {
  return `/api/buckets/${encodeURIComponent(pathSegment(bucket))}/thumbnails?content=${encodeURIComponent(content)}`;
}

/**
 * The first free name for a copy of `name`: `<name>-copy`, then `<name>-copy-2`, … kept within OSS's
 * 63 characters by shortening the original part.
 * @example
 * copyName("thumb", new Set(["thumb-copy"])); // "thumb-copy-2"
 */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "-copy" : `-copy-${n}`;
    const candidate = name.slice(0, 63 - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
